//! Every migration can be reverted and applied again.

mod common;

use common::TestDb;
use diesel::RunQueryDsl;
use diesel::sql_types::BigInt;

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn user_tables(conn: &mut diesel::PgConnection) -> i64 {
    diesel::sql_query(
        "SELECT count(*) AS n FROM information_schema.tables \
         WHERE table_schema = 'public' AND table_name <> '__diesel_schema_migrations'",
    )
    .get_result::<Count>(conn)
    .unwrap()
    .n
}

#[test]
fn down_migrations_undo_everything_and_up_restores_it() {
    let db = TestDb::new();
    let mut conn = db.connect();
    let before = user_tables(&mut conn);
    assert!(before > 0);

    let reverted = budget_monitor::db::revert_all(&mut conn).expect("revert");
    assert!(reverted > 0);
    assert_eq!(user_tables(&mut conn), 0, "a down.sql left tables behind");

    let applied = budget_monitor::db::migrate(&mut conn).expect("re-apply");
    assert_eq!(applied.len(), reverted);
    assert_eq!(user_tables(&mut conn), before);
}
