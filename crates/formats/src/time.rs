//! Agency timestamps to UTC: RFC 3339, `+0000` offsets, ISO basic (`20151210T191044Z`),
//! zone-less times (taken as UTC) and bare dates.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// Parses an agency timestamp; `None` when it is not one.
pub fn parse(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y%m%dT%H%M%S%z",
        "%Y%m%dT%H%M%S%.f%z",
        "%Y-%m-%d %H:%M:%S%z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(s, f) {
            return Some(t.with_timezone(&Utc));
        }
    }
    let zulu = s.strip_suffix('Z').unwrap_or(s);
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S",
        "%Y%m%dT%H%M%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(zulu, f) {
            return Some(t.and_utc());
        }
    }
    for f in ["%Y-%m-%d", "%Y%m%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(zulu, f) {
            return d.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn agency_timestamp_shapes() {
        let iso = |s: &str| parse(s).map(|t| t.to_rfc3339());
        let want = Some("2015-12-10T19:10:44+00:00".to_string());
        assert_eq!(iso("2015-12-10T19:10:44Z"), want);
        assert_eq!(iso("2015-12-10T20:10:44+01:00"), want);
        assert_eq!(iso("2015-12-10T19:10:44+0000"), want);
        assert_eq!(iso("20151210T191044Z"), want);
        assert_eq!(iso("20151210T201044+0100"), want);
        assert_eq!(iso("2015-12-10T19:10:44"), want);
        assert_eq!(iso("2015-12-10T19:10:44.000Z"), want);
        assert_eq!(
            iso("2015-12-10"),
            Some("2015-12-10T00:00:00+00:00".to_string())
        );
        assert_eq!(parse("yesterday"), None);
    }
}
