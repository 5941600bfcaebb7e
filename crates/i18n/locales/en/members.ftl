### Teams, founding decision and team members.

teams-empty = There are no local teams yet.
team-name = Team name
team-city = City
team-founding = Founding decision
team-composition = Team composition
team-lead-none = No lead institutions have been named yet.
team-members-private = Only the team's own members can see the names and contacts of its members.
founding-none = The founding decision has not been entered yet.
founding-number = Decision number
founding-date = Date adopted
founding-body = Adopted by
founding-edit = Edit founding decision

team-role-coordinator = Team coordinator
team-role-deputy-coordinator = Deputy coordinator
team-role-representative = Institution representative
team-role-deputy-representative = Deputy representative

members-empty = No team members have been entered yet.
members-search-label = Search team members
members-search-placeholder = Name or position (Cyrillic or Latin)
all-institutions = All institutions
member-new = New team member
member-edit = Edit team member
member-full-name = Full name
member-position = Job title or position
member-institution = Institution
member-team-role = Role in the team
member-email = Email
member-phone = Phone
member-from-date = Member from
member-to-date = Member until
member-to-date-hint = When a person leaves the team, enter the last date of their membership. Nothing is deleted and the membership stays in the team's history. Leave this empty while the person is a member.
member-no-end = ongoing
member-period = Membership period
member-serving = Currently on the team
member-not-serving = This person is not currently on the team: the membership has ended or has not started yet.
