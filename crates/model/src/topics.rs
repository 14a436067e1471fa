//! Default topic names and routing slugs.

/// Raw wire items, as delivered.
pub const RAW: &str = "news.wire.raw";
/// Canonical articles.
pub const ARTICLES: &str = "news.articles";
/// Enriched records.
pub const ENRICHED: &str = "news.enriched";
/// Dead letters from every stage.
pub const DLQ: &str = "news.dlq";
/// Watch-list alerts.
pub const ALERTS: &str = "news.alerts";
/// Prefix of the per-subject routed topics.
pub const TOPIC_PREFIX: &str = "news.topic.";

/// The routing slug of a Media Topic label: lower case, runs of non-alphanumerics → `-`.
///
/// `"politics and government"` → `"politics-and-government"`,
/// `"arts, culture, entertainment and media"` → `"arts-culture-entertainment-and-media"`.
pub fn slug(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut pending_dash = false;
    for c in label.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c);
        } else {
            pending_dash = true;
        }
    }
    out
}

/// The slugs of the 17 IPTC Media Topic top levels (`news.topic.<slug>`).
pub const TOP_LEVEL_SLUGS: [&str; 17] = [
    "arts-culture-entertainment-and-media",
    "crime-law-and-justice",
    "disaster-accident-and-emergency-incident",
    "economy-business-and-finance",
    "education",
    "environment",
    "health",
    "human-interest",
    "labour",
    "lifestyle-and-leisure",
    "politics-and-government",
    "religion",
    "science-and-technology",
    "society",
    "sport",
    "conflict-war-and-peace",
    "weather",
];

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slug_collapses_punctuation_runs() {
        assert_eq!(slug("politics and government"), "politics-and-government");
        assert_eq!(
            slug("arts, culture, entertainment and media"),
            "arts-culture-entertainment-and-media"
        );
        assert_eq!(slug("  crime, law and justice "), "crime-law-and-justice");
    }

    #[test]
    fn top_level_slugs_are_slugs() {
        for s in super::TOP_LEVEL_SLUGS {
            assert_eq!(slug(s), s);
        }
    }
}
