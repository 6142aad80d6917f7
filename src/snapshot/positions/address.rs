//! SS58 addresses as a person types them: the 32 account bytes of a Bittensor address (the
//! generic Substrate prefix 42), or a sentence saying what is wrong with it — not base58, the
//! wrong length, another network's prefix, or a checksum that fails (a mistyped letter).
//! The checksum is Blake2b-512 of `"SS58PRE" ‖ prefix ‖ account`, its first two bytes
//! (`sp-core` `crypto.rs` `Ss58Codec`), computed by `chain::validators::ss58`.

use crate::model::words::shorten;

/// Bittensor's SS58 prefix, the generic Substrate one.
pub const PREFIX: u8 = 42;

/// The account behind `text`, or why it is not a Bittensor address.
pub fn parse(text: &str) -> Result<[u8; 32], String> {
    let typed = text.trim();
    let shown = shorten(typed);
    if typed.is_empty() {
        return Err("Empty: type an SS58 address (48 letters, starting with 5).".into());
    }
    let raw = bs58::decode(typed).into_vec().map_err(|_| {
        format!("“{shown}” is not an SS58 address: it has letters base58 does not use (0, O, I, l) or other characters.")
    })?;
    if raw.len() != 35 {
        return Err(format!(
            "“{shown}” is not an account address: it decodes to {} bytes, and an SS58 account is 35 (prefix, 32, checksum).",
            raw.len()
        ));
    }
    if raw[0] != PREFIX {
        return Err(format!(
            "“{shown}” is an address of another network (SS58 prefix {}); Bittensor addresses use prefix 42 and start with 5.",
            raw[0]
        ));
    }
    let account: [u8; 32] = raw[1..33]
        .try_into()
        .map_err(|_| "unreachable".to_string())?;
    if crate::snapshot::chain::validators::ss58(&account) != typed {
        return Err(format!(
            "“{shown}” fails its checksum: a letter is mistyped or missing."
        ));
    }
    Ok(account)
}

/// A comma-separated list (the `coldkeys=` parameter): each address checked, duplicates
/// dropped, in order; the first bad one named by its place.
pub fn parse_list(text: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for (i, part) in text
        .split([',', ' ', '\n', ';'])
        .filter(|p| !p.trim().is_empty())
        .enumerate()
    {
        parse(part).map_err(|why| format!("Address {}: {why}", i + 1))?;
        let part = part.trim().to_string();
        if !out.contains(&part) {
            out.push(part);
        }
    }
    if out.len() > MAX_ADDRESSES {
        return Err(format!(
            "{} addresses: at most {MAX_ADDRESSES} are read at once.",
            out.len()
        ));
    }
    Ok(out)
}

/// The most coldkeys one page reads.
pub const MAX_ADDRESSES: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;

    const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

    #[test]
    fn alice_reads_and_each_fault_is_named() {
        assert_eq!(parse(ALICE).unwrap()[0], 0xd4);
        assert!(parse("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ")
            .unwrap_err()
            .contains("checksum"));
        // Alice on Polkadot (prefix 0).
        assert!(parse("15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5")
            .unwrap_err()
            .contains("prefix 0"));
        assert!(parse("5Grwva").unwrap_err().contains("bytes"));
        assert!(parse("0xd43593c7").unwrap_err().contains("base58"));
        assert!(parse("  ").unwrap_err().starts_with("Empty"));
    }

    #[test]
    fn lists_drop_repeats_and_name_the_bad_one() {
        let list = parse_list(&format!("{ALICE}, {BOB},{ALICE}")).unwrap();
        assert_eq!(list, vec![ALICE.to_string(), BOB.to_string()]);
        let bad = parse_list(&format!("{ALICE},5Grwva")).unwrap_err();
        assert!(bad.starts_with("Address 2:"), "{bad}");
        assert_eq!(parse_list("").unwrap(), Vec::<String>::new());
    }
}
