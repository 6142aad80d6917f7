//! Reading the format: a minimal document, and errors naming their subnet and field.

use super::*;

fn minimal(subnets: &str) -> String {
    format!(
        r#"{{"schema":"dtao-snapshot/1","block":1,"taken_at":"2026-08-07T00:00:00Z","subnets":[{subnets}]}}"#
    )
}

#[test]
fn reads_a_minimal_snapshot() {
    let s = parse(&minimal(
        r#"{"netuid":3,"name":"<b>x</b>","mechanism":"dynamic","tao_in":"10","alpha_in":100.5}"#,
    ))
    .unwrap();
    assert_eq!(s.subnets[0].tao_in_rao, 10_000_000_000);
    assert_eq!(s.subnets[0].alpha_in_rao, 100_500_000_000);
    assert_eq!(s.subnets[0].name, "<b>x</b>");
    assert_eq!(s.date(), Some("2026-08-07"));
}

#[test]
fn names_the_field_and_subnet() {
    let cases = [
        (r#"{"netuid":3,"mechanism":"dynamic","alpha_in":"1"}"#, "Subnet 3, field “tao_in”: missing; it is required."),
        (r#"{"netuid":3,"mechanism":"dynamic","tao_in":"-1","alpha_in":"1"}"#, "Subnet 3, field “tao_in”: must not be negative."),
        (r#"{"netuid":3,"mechanism":"dynamic","tao_in":"0","alpha_in":"1"}"#, "Subnet 3, field “tao_in”: must be more than 0: a pool without TAO has no price."),
        (r#"{"netuid":3,"mechanism":"dynamic","tao_in":"NaN","alpha_in":"1"}"#, "Subnet 3, field “tao_in”: “NaN” is not a finite decimal number."),
        (r#"{"netuid":3,"mechanism":"dynamic","tao_in":"Infinity","alpha_in":"1"}"#, "Subnet 3, field “tao_in”: “Infinity” is not a finite decimal number."),
        (r#"{"netuid":3,"mechanism":"dynamic","tao_in":true,"alpha_in":"1"}"#, "Subnet 3, field “tao_in”: expected a number, found true/false."),
        (r#"{"netuid":3,"mechanism":"magic","tao_in":"1","alpha_in":"1"}"#, "Subnet 3, field “mechanism”: “magic” is neither dynamic nor stable."),
        (r#"{"netuid":70000,"mechanism":"dynamic","tao_in":"1","alpha_in":"1"}"#, "Subnet #1, field “netuid”: must be 0 to 65535."),
        (r#"{"netuid":3,"mechanism":"dynamic","tao_in":"1","alpha_in":"1","w_tao":"2"}"#, "Subnet 3, field “w_tao”: The TAO weight must be between 0.01 and 0.99 (the chain keeps both weights at 0.01 or more)."),
    ];
    for (subnet, message) in cases {
        assert_eq!(
            parse(&minimal(subnet)).unwrap_err().to_string(),
            message,
            "{subnet}"
        );
    }
    let dup = r#"{"netuid":3,"mechanism":"stable","tao_in":"1","alpha_in":"1"},{"netuid":3,"mechanism":"stable","tao_in":"1","alpha_in":"1"}"#;
    assert_eq!(parse(&minimal(dup)), Err(SnapshotError::DuplicateNetuid(3)));
    assert!(matches!(
        parse("{\"schema\":"),
        Err(SnapshotError::NotJson(_))
    ));
    assert!(matches!(
        parse("[1,2]"),
        Err(SnapshotError::UnknownFormat(_))
    ));
    assert_eq!(parse(&minimal("")), Err(SnapshotError::NoSubnets));
    let deep = "[".repeat(10_000);
    assert!(matches!(parse(&deep), Err(SnapshotError::NotJson(_))));
}
