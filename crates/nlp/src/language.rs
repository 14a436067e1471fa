//! Language identification (whatlang) with BCP 47 tags.

use whatlang::Lang;

/// English function words that are not also common words of the other Latin-script languages
/// on the wire (no "in", "a", "an", "as", "to", "is", "he", "for", "at", "was", "will", "also",
/// "over" — German, Dutch, Italian, Spanish, Portuguese or Scandinavian words too).
const ENGLISH_MARKERS: [&str; 34] = [
    "the", "of", "and", "that", "with", "said", "says", "from", "has", "have", "his", "her",
    "their", "which", "were", "been", "this", "would", "could", "should", "its", "who", "are",
    "be", "but", "not", "they", "she", "after", "than", "about", "into", "more", "new",
];

/// The fast path for the bulk of the wire: `Some(confidence)` when at least 12 of the first
/// 200 words are seen and at least a sixth of them are [`ENGLISH_MARKERS`] — a share no other
/// language's text reaches — so language identification proper is skipped.
fn clearly_english(text: &str) -> Option<f32> {
    let (mut words, mut markers) = (0usize, 0usize);
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(200)
    {
        if !w.is_ascii() {
            return None;
        }
        words += 1;
        if w.len() <= 6 && ENGLISH_MARKERS.iter().any(|m| m.eq_ignore_ascii_case(w)) {
            markers += 1;
        }
    }
    (words >= 12 && markers * 6 >= words).then_some(0.95)
}

/// BCP 47 tag and confidence of `text`; `und` with 0 when undecidable.
pub(crate) fn detect(text: &str) -> (String, f32) {
    if let Some(confidence) = clearly_english(text) {
        return ("en".to_string(), confidence);
    }
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
    fn the_english_fast_path_takes_english_only() {
        use super::clearly_english;
        let en = "The minister said on Monday that the talks with the European Union, which have been going on for a year, would resume after the summit.";
        assert!(clearly_english(en).is_some());
        // Short or non-English text goes to the full detector.
        assert!(clearly_english("The talks resume.").is_none());
        for other in [
            "Der Minister sagte am Montag, dass die Gespräche mit der Europäischen Union nach dem Gipfel wieder aufgenommen werden, was viele erwartet hatten.",
            "De minister zei maandag dat de gesprekken met de Europese Unie na de top worden hervat, wat velen hadden verwacht van de regering.",
            "Ministeren sagde mandag, at forhandlingerne med EU vil blive genoptaget efter topmødet, og at man har været i kontakt med alle parter.",
            "Il ministro ha detto lunedì che i colloqui con l'Unione europea riprenderanno dopo il vertice, come previsto da tutte le parti in causa.",
            "Ministeri sanoi maanantaina, että neuvottelut Euroopan unionin kanssa jatkuvat huippukokouksen jälkeen, kuten oli odotettu kaikkialla.",
            "O ministro disse na segunda-feira que as negociações com a União Europeia serão retomadas após a cimeira, como as partes esperavam.",
            "El ministro dijo el lunes que las conversaciones con la Unión Europea se reanudarán después de la cumbre, como esperaban las partes.",
            "Le ministre a déclaré lundi que les discussions avec l'Union européenne reprendraient après le sommet, comme le prévoyaient les parties.",
        ] {
            assert!(clearly_english(other).is_none(), "{other}");
            assert_ne!(detect(other).0, "en", "{other}");
        }
    }

    #[test]
    fn detects_common_wire_languages() {
        assert_eq!(detect("Russian President Vladimir Putin arrived in Minsk for talks with the leader of Belarus on Monday.").0, "en");
        assert_eq!(detect("Der russische Präsident ist am Montag zu Gesprächen mit dem Staatschef in Minsk eingetroffen.").0, "de");
        assert_eq!(detect("Il presidente russo è arrivato lunedì a Minsk per colloqui con il leader bielorusso.").0, "it");
        assert_eq!(detect("").0, "und");
    }
}
