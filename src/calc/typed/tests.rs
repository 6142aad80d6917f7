//! The typed inputs' parsers: what they take and the sentence for what they refuse.

use super::*;

fn amount_bounds() -> Bounds {
    Bounds::new(Decimal::ZERO, false, Decimal::from(21_000_000), 9)
}

#[test]
fn accepts_plain_numbers() {
    assert_eq!(parse_tokens("12.5", amount_bounds()), Ok(12_500_000_000));
    assert_eq!(parse_tokens(" .5 ", amount_bounds()), Ok(500_000_000));
    assert_eq!(parse_tokens("5.", amount_bounds()), Ok(5_000_000_000));
    assert_eq!(
        parse_tokens("1.500000000000", amount_bounds()),
        Ok(1_500_000_000)
    );
    assert_eq!(parse_tokens("0.000000001", amount_bounds()), Ok(1));
    assert_eq!(parse_tokens("1e3", amount_bounds()), Ok(1_000_000_000_000));
}

#[test]
fn refuses_bad_input_with_a_reason() {
    let b = amount_bounds();
    assert_eq!(parse_tokens("", b), Err(InputError::Empty));
    assert_eq!(parse_tokens("   ", b), Err(InputError::Empty));
    assert_eq!(
        parse_tokens("abc", b),
        Err(InputError::NotANumber("abc".into()))
    );
    assert_eq!(
        parse_tokens("1.2.3", b),
        Err(InputError::NotANumber("1.2.3".into()))
    );
    assert_eq!(parse_tokens("-5", b), Err(InputError::Negative));
    assert_eq!(parse_tokens("1,000", b), Ok(1_000_000_000_000));
    assert_eq!(parse_tokens("221,156.585", b), Ok(221_156_585_000_000));
    for bad in [
        "1,5", "1,0000", ",100", "1,000,00", "1 000", "1_000", "1.000,5", "1000,000",
    ] {
        assert_eq!(parse_tokens(bad, b), Err(InputError::Separator), "{bad}");
    }
    assert_eq!(
        parse_tokens("0.0000000001", b),
        Err(InputError::TooManyDecimals { max: 9 })
    );
    assert!(matches!(
        parse_tokens("1e30", b),
        Err(InputError::TooLarge { .. })
    ));
    assert!(matches!(
        parse_tokens("1000000000000000000000000000000", b),
        Err(InputError::TooLarge { .. })
    ));
    assert!(matches!(
        parse_tokens("21000000.000000001", b),
        Err(InputError::TooLarge { .. })
    ));
    assert!(matches!(
        parse_tokens("0", b),
        Err(InputError::TooSmall { .. })
    ));
    assert!(matches!(
        parse_tokens("NaN", b),
        Err(InputError::NotANumber(_))
    ));
    assert!(matches!(
        parse_tokens("Infinity", b),
        Err(InputError::NotANumber(_))
    ));
    assert!(matches!(
        parse_tokens("1e-40", b),
        Err(InputError::TooManyDecimals { .. })
    ));
    assert!(matches!(
        parse_tokens("1e99999", b),
        Err(InputError::NotANumber(_))
    ));
}

#[test]
fn messages_read_well() {
    assert_eq!(
        InputError::TooLarge {
            max: Decimal::from(21_000_000)
        }
        .to_string(),
        "Too large: at most 21,000,000."
    );
}

#[test]
fn whole_numbers_and_flags() {
    assert_eq!(parse_whole("64", 0, 65_535), Ok(64));
    assert_eq!(parse_whole("6.4", 0, 65_535), Err(InputError::NotWhole));
    assert!(parse_whole("70000", 0, 65_535).is_err());
    assert_eq!(parse_flag("1"), Ok(true));
    assert!(parse_flag("yes").is_err());
}
