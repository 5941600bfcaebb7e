//! The audit trail read a page at a time as one JSON row gives the same entries, in order,
//! as reading them row by row, whatever the text holds, on both engines.

use spona_store::audit::{self, Entry};
use spona_testkit::TestDb;

fn entry(seq: i64) -> Entry {
    let odd = seq % 2 == 1;
    Entry {
        seq,
        at: 1_700_000_000 + seq,
        team_id: odd.then_some(seq * 7),
        actor_id: (!odd).then_some(i64::MAX - seq),
        actor_label: format!("Љиљана \"Ђ\" \\ {seq}\n\t😀"),
        action: "case-viewed".into(),
        subject: if odd { "case" } else { "" }.into(),
        subject_id: odd.then_some(seq),
        reason: "<script>'x'</script>,[]{}\u{0001}".into(),
        address: "2001:db8::1".into(),
        prev_hash: format!("{:064x}", seq - 1),
        hash: format!("{seq:064x}"),
    }
}

#[tokio::test]
async fn a_page_read_as_one_row_is_the_page_read_row_by_row() {
    for t in TestDb::every_engine().await {
        let written: Vec<Entry> = (1..=120).map(entry).collect();
        let mut tx = t.db.begin().await.unwrap();
        audit::append_many(&mut tx, &written).await.unwrap();
        tx.commit().await.unwrap();
        let backend = t.db.backend();
        let mut c = t.db.conn().await.unwrap();
        for (after, limit) in [(0, 50), (50, 50), (100, 50), (120, 50), (7, 1)] {
            let packed = audit::page_after(&mut c, backend, after, i64::MAX, limit)
                .await
                .unwrap();
            let rows = audit::after(&mut c, after, limit).await.unwrap();
            assert_eq!(packed, rows, "{backend:?} after {after}");
        }
        assert_eq!(
            audit::page_after(&mut c, backend, 0, i64::MAX, 500)
                .await
                .unwrap(),
            written,
            "{backend:?}"
        );
        let range = audit::page_after(&mut c, backend, 10, 20, 500)
            .await
            .unwrap();
        assert_eq!(range, written[10..20], "{backend:?}: after 10 up to 20");
        assert_eq!(audit::last_written_seq(&mut c).await.unwrap(), 120);
        drop(c);
        t.finish().await;
    }
}
