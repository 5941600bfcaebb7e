-- Promotional and educational materials: what was produced with which donor's money, and
-- what was handed out where. Stock is what was produced less what was handed out.
CREATE TABLE material_items (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    donor TEXT NOT NULL DEFAULT '',
    project TEXT NOT NULL DEFAULT '',
    -- Below this many in stock the team is told.
    low_mark BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE INDEX material_items_by_team ON material_items (team_id);

CREATE TABLE material_movements (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    item_id BIGINT NOT NULL REFERENCES material_items(id),
    on_date TEXT NOT NULL,
    -- produced (into stock) or handed-out (out of stock)
    direction TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    occasion TEXT NOT NULL DEFAULT '',
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX material_movements_by_item ON material_movements (item_id, on_date);
