//! Language identification (whatlang) with BCP 47 tags.

use whatlang::Lang;

/// BCP 47 tag and confidence of `text`; `und` with 0 when undecidable.
pub(crate) fn detect(text: &str) -> (String, f32) {
    let sample: String = text.chars().take(4000).collect();
    match whatlang::detect(&sample) {
        Some(info) => {
            let mut conf = info.confidence() as f32;
            if !info.is_reliable() {
                conf = conf.min(0.5);
            }
            (bcp47(info.lang()), conf)
        }
        None => ("und".to_string(), 0.0),
    }
}

/// The shortest BCP 47 subtag for a whatlang language (ISO 639-1 where one exists).
fn bcp47(lang: Lang) -> String {
    let two = match lang {
        Lang::Eng => "en",
        Lang::Deu => "de",
        Lang::Fra => "fr",
        Lang::Ita => "it",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Nld => "nl",
        Lang::Fin => "fi",
        Lang::Swe => "sv",
        Lang::Dan => "da",
        Lang::Nob => "nb",
        Lang::Pol => "pl",
        Lang::Ces => "cs",
        Lang::Slk => "sk",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Bul => "bg",
        Lang::Ron => "ro",
        Lang::Hun => "hu",
        Lang::Ell => "el",
        Lang::Tur => "tr",
        Lang::Rus => "ru",
        Lang::Ukr => "uk",
        Lang::Bel => "be",
        Lang::Ara => "ar",
        Lang::Heb => "he",
        Lang::Pes => "fa",
        Lang::Hin => "hi",
        Lang::Ben => "bn",
        Lang::Urd => "ur",
        Lang::Cmn => "zh",
        Lang::Jpn => "ja",
        Lang::Kor => "ko",
        Lang::Vie => "vi",
        Lang::Tha => "th",
        Lang::Ind => "id",
        Lang::Est => "et",
        Lang::Lav => "lv",
        Lang::Lit => "lt",
        Lang::Cat => "ca",
        other => return other.code().to_string(),
    };
    two.to_string()
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn detects_common_wire_languages() {
        assert_eq!(detect("Russian President Vladimir Putin arrived in Minsk for talks with the leader of Belarus on Monday.").0, "en");
        assert_eq!(detect("Der russische Präsident ist am Montag zu Gesprächen mit dem Staatschef in Minsk eingetroffen.").0, "de");
        assert_eq!(detect("Il presidente russo è arrivato lunedì a Minsk per colloqui con il leader bielorusso.").0, "it");
        assert_eq!(detect("").0, "und");
    }
}
