//! Language identification (whatlang) with BCP 47 tags.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;
use whatlang::Lang;

/// English function words that are not also common words of the other Latin-script languages
/// on the wire (no "in", "a", "an", "as", "to", "is", "he", "for", "at", "was", "will", "also",
/// "over", "on", "we" — German, Dutch, Italian, Spanish, Portuguese or Scandinavian words too).
const ENGLISH_MARKERS: &[&str] = &[
    "the", "of", "and", "that", "with", "said", "says", "from", "has", "have", "his", "her",
    "their", "which", "were", "been", "this", "would", "could", "should", "its", "who", "are",
    "be", "but", "not", "they", "she", "after", "than", "about", "into", "more", "new", "had",
    "what", "when", "there", "these", "those", "while", "our", "you", "your", "them", "being",
];

/// The commonest function words of the other Latin-script languages on the wire (German,
/// Dutch, French, Italian, Spanish, Portuguese, the Scandinavian languages, Finnish) that are
/// not English words (nor URL or unit fragments of English copy: no "com", "per"); where they
/// are half as many as the English markers, the English fast path is not taken.
const OTHER_MARKERS: &[&str] = &[
    "der", "das", "und", "ist", "nicht", "mit", "dem", "ein", "eine", "einen", "sich", "auf",
    "für", "von", "zu", "im", "auch", "wird", "werden", "sind", "nach", "bei", "aus", "wie",
    "oder", "noch", "het", "een", "niet", "zijn", "voor", "ook", "wordt", "worden", "naar", "bij",
    "uit", "maar", "le", "la", "les", "des", "du", "et", "est", "une", "pour", "que", "qui",
    "dans", "sur", "pas", "au", "aux", "par", "avec", "sont", "ont", "il", "lo", "gli", "della",
    "di", "che", "non", "sono", "con", "del", "al", "alla", "dei", "nel", "anche", "el", "los",
    "las", "y", "una", "por", "para", "es", "se", "su", "como", "pero", "os", "do", "da", "dos",
    "das", "em", "um", "uma", "ao", "och", "att", "det", "som", "av", "med", "har", "inte", "til",
    "og", "er", "ikke", "af", "ja", "ei", "oli", "kuin", "mutta", "myös", "jos", "kun", "den",
    "van", "de",
];

/// The fast path for the bulk of the wire: `Some(confidence)` when the text is English beyond
/// doubt, so language identification proper is skipped. Among the first 200 words (at most a
/// tenth of them with letters beyond ASCII):
/// twice as many [`ENGLISH_MARKERS`] as [`OTHER_MARKERS`], and either at least 12 words with a
/// sixth or more of them English markers — a share no other language's text reaches — or, for
/// short copy such as headlines and briefs, at least 6 words with two markers and either one of
/// them "the", "of" or "and" or no other-language marker at all, or at least 8 words with a
/// marker and no other-language marker.
fn clearly_english(text: &str) -> Option<f32> {
    let [english, other] = marker_sets();
    let (mut words, mut markers, mut core, mut others) = (0usize, 0usize, 0usize, 0usize);
    let mut non_ascii = 0usize;
    let mut lower = [0u8; 6];
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(200)
    {
        words += 1;
        if !w.is_ascii() {
            non_ascii += 1;
            continue;
        }
        let Some(lower) = short_lower(w, &mut lower) else {
            continue;
        };
        if english.contains(lower) {
            markers += 1;
            core += usize::from(matches!(lower, b"the" | b"of" | b"and"));
        } else if other.contains(lower) {
            others += 1;
        }
    }
    // Names with accents are fine ("Málaga", "Zürich"); text where a tenth of the words have
    // letters beyond ASCII is for whatlang.
    if markers < 2 * others || non_ascii * 10 > words {
        None
    } else if words >= 12 && markers * 6 >= words {
        Some(0.95)
    } else if words >= 6 && markers >= 2 && (core >= 1 || others == 0) {
        Some(0.9)
    } else if words >= 8 && markers >= 1 && others == 0 {
        Some(0.8)
    } else {
        None
    }
}

/// For short copy whatlang cannot place (headlines, one-line briefs: "Storm hits Florida
/// coast", "Oil prices fall"): English when, its words of plain ASCII letters read in lower case,
/// at least two are English (an [`ENGLISH_MARKERS`] word, or a word of four letters or more
/// that `english` knows, plural or not) and at most a third as many lower-case words are not
/// (as many, where four or more are English).
/// Names (capitalised words `english` does not know), words of three letters or fewer (shared
/// by many languages: "in", "is", "man") and particles before a name ("de Gaulle") count for
/// neither; a word with other letters, or another language's function word elsewhere, says no.
pub(crate) fn english_by_vocabulary(text: &str, english: impl Fn(&str) -> bool) -> bool {
    let [markers, other] = marker_sets();
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(40)
        .collect();
    let (mut known, mut unknown) = (0usize, 0usize);
    for (k, w) in words.iter().enumerate() {
        if !w.is_ascii() {
            return false;
        }
        let lower = w.to_ascii_lowercase();
        let capitalised = crate::text::capitalised(w);
        let before_name = words
            .get(k + 1)
            .is_some_and(|n| crate::text::capitalised(n));
        if markers.contains(lower.as_bytes()) {
            known += 1;
        } else if other.contains(lower.as_bytes()) {
            if !before_name || capitalised {
                return false;
            }
        } else if lower.len() >= 4 {
            if english_form(&lower, &english) {
                known += 1;
            } else if !capitalised {
                unknown += 1;
            }
        }
    }
    // Longer copy with four known words or more may have as many unknown ones (a brief's
    // "delegation", "invest", "reais" are past the common-word list).
    known >= 2 && (3 * unknown <= known || (known >= 4 && unknown <= known))
}

/// Whether `english` knows the lower-case word `lower` as written or a stem of it: "weakens",
/// "dozens", "praised", "supplied", "voting", "sharply".
fn english_form(lower: &str, english: impl Fn(&str) -> bool) -> bool {
    const ENDINGS: [(&str, &str); 10] = [
        ("s", ""),
        ("es", ""),
        ("ies", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("ied", "y"),
        ("ing", ""),
        ("ing", "e"),
        ("ly", ""),
        ("ness", ""),
    ];
    english(lower)
        || ENDINGS.iter().any(|(ending, replacement)| {
            lower
                .strip_suffix(ending)
                .filter(|stem| stem.len() >= 3)
                .is_some_and(|stem| english(&format!("{stem}{replacement}")))
        })
}

/// An ASCII word of at most `buf.len()` letters, lower-cased into `buf` (function words are
/// short; longer words are no marker).
fn short_lower<'b>(w: &str, buf: &'b mut [u8; 6]) -> Option<&'b [u8]> {
    let lower = buf.get_mut(..w.len())?;
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    Some(lower)
}

/// Whether a sentence of English copy is in another language (a quote in the original, a
/// second translation appended): at least 4 words in lower case, none of its words an
/// [`ENGLISH_MARKERS`] word, a sign of another language (one of [`OTHER_MARKERS`] or a letter
/// outside ASCII), and whatlang reliably names another language. Cheap for English sentences:
/// whatlang runs only on the rare ones with those signs.
pub(crate) fn foreign_sentence(text: &str) -> bool {
    other_language_signs(text).is_some_and(|(words, signs)| words >= 4 && signs > 0)
        && whatlang::detect(text).is_some_and(|info| info.is_reliable() && info.lang() != Lang::Eng)
}

/// Whether a sentence shows another language and no English: one of [`OTHER_MARKERS`] or a
/// word in lower case with a letter outside ASCII, and none of [`ENGLISH_MARKERS`]. Too short
/// for whatlang to judge, a clause such as "Regeringen fick förtroende med 106-80" still shows it.
pub(crate) fn shows_other_language(text: &str) -> bool {
    other_language_signs(text).is_some_and(|(_, signs)| signs > 0)
}

/// The words in lower case of `text` and the signs of another language among them, `None` if
/// any word is an English function word ([`ENGLISH_MARKERS`]).
fn other_language_signs(text: &str) -> Option<(usize, usize)> {
    let [english, other] = marker_sets();
    let (mut words, mut signs) = (0usize, 0usize);
    let mut lower = [0u8; 6];
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        // Prose, not a line of names and scores: only words in lower case are counted (any
        // English function word still settles it).
        let capitalised = crate::text::capitalised(w);
        words += usize::from(!capitalised);
        if !w.is_ascii() {
            signs += usize::from(!capitalised);
        } else if let Some(lower) = short_lower(w, &mut lower) {
            if english.contains(lower) {
                return None;
            }
            signs += usize::from(other.contains(lower));
        }
    }
    Some((words, signs))
}

/// Whether `w` is one of the commonest function words of another wire language
/// ([`OTHER_MARKERS`]: "Jos" — Finnish "if" — is no Nigerian city at a sentence start).
pub(crate) fn other_language_function_word(w: &str) -> bool {
    let mut lower = [0u8; 6];
    w.is_ascii() && short_lower(w, &mut lower).is_some_and(|l| marker_sets()[1].contains(l))
}

/// [`ENGLISH_MARKERS`] and [`OTHER_MARKERS`] as sets of bytes, built once.
fn marker_sets() -> &'static [FxHashSet<&'static [u8]>; 2] {
    static SETS: OnceLock<[FxHashSet<&'static [u8]>; 2]> = OnceLock::new();
    SETS.get_or_init(|| {
        [ENGLISH_MARKERS, OTHER_MARKERS].map(|set| set.iter().map(|m| m.as_bytes()).collect())
    })
}

/// The most confidence [`detect`] gives a guess whatlang itself calls unreliable.
pub(crate) const UNSURE: f32 = 0.5;

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
                conf = conf.min(UNSURE);
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
        // Short English copy with enough function words takes it too.
        assert!(
            clearly_english("Ky. Company Wins Grant to Study Peptides of the Future").is_some()
        );
        // Names with accents do not send English copy to whatlang.
        assert_eq!(
            clearly_english(
                "Firefighters in Málaga said on Monday that the blaze near the town of Alhaurín el Grande was under control and that residents could return to their homes."
            ),
            Some(0.95)
        );
        // Eight words or more with an English marker and no other language's.
        assert_eq!(
            clearly_english(
                "Afghan President Hamid Karzai is to visit Pakistan to discuss fighting terror and boosting trade."
            ),
            Some(0.8)
        );
        assert!(clearly_english(
            "Presiden akan mengunjungi Jakarta pada hari Senin untuk bertemu para menteri"
        )
        .is_none());
        // Very short or non-English text goes to the full detector.
        assert!(clearly_english("The talks resume.").is_none());
        assert!(clearly_english(
            "Die Regierung und der Bundestag in Berlin: the end of the coalition"
        )
        .is_none());
        for other in [
            "Der Minister sagte am Montag, dass die Gespräche mit der Europäischen Union nach dem Gipfel wieder aufgenommen werden, was viele erwartet hatten.",
            "De minister zei maandag dat de gesprekken met de Europese Unie na de top worden hervat, wat velen hadden verwacht van de regering.",
            "Ministeren sagde mandag, at forhandlingerne med EU vil blive genoptaget efter topmødet, og at man har været i kontakt med alle parter.",
            "Il ministro ha detto lunedì che i colloqui con l'Unione europea riprenderanno dopo il vertice, come previsto da tutte le parti in causa.",
            "Ministeri sanoi maanantaina, että neuvottelut Euroopan unionin kanssa jatkuvat huippukokouksen jälkeen, kuten oli odotettu kaikkialla.",
            "O ministro disse na segunda-feira que as negociações com a União Europeia serão retomadas após a cimeira, como as partes esperavam.",
            "El ministro dijo el lunes que las conversaciones con la Unión Europea se reanudarán después de la cumbre, como esperaban las partes.",
            "Le ministre a déclaré lundi que les discussions avec l'Union européenne reprendraient après le sommet, comme le prévoyaient les parties.",
            // Short copy in other languages, ASCII only.
            "Regeringen har inte fattat beslut om the new budget och det tar tid",
            "Il governo non ha deciso per the new budget della regione",
            "De regering heeft de begroting van the new year niet goedgekeurd",
        ] {
            assert!(clearly_english(other).is_none(), "{other}");
            assert_ne!(detect(other).0, "en", "{other}");
        }
    }

    #[test]
    fn foreign_sentences_in_english_copy() {
        use super::foreign_sentence;
        assert!(foreign_sentence(
            "Parlamentet har godkänt alkohollagen och regeringen fick förtroende i fredags."
        ));
        assert!(foreign_sentence(
            "Eduskunta hyväksyi alkoholilain ja hallitus sai luottamuksen perjantaina äänin."
        ));
        assert!(!foreign_sentence(
            "The Parliament has approved the Alcohol Act and the government gained confidence."
        ));
        // No English function word, but English: whatlang decides, and it is not sure enough
        // or says English.
        assert!(!foreign_sentence(
            "Parliament approved 124-65 amid two absentee votes in Helsinki on Friday."
        ));
        assert!(!foreign_sentence("Putin in Minsk"));
    }

    #[test]
    fn short_english_is_told_by_its_vocabulary() {
        use super::english_by_vocabulary;
        let words = [
            "storm", "hit", "oil", "prices", "fall", "police", "arrest", "over",
        ];
        let english = |w: &str| words.contains(&w);
        for text in [
            "Storm Hits Florida Coast",
            "Oil prices fall.",
            "Police arrest man in Sydney.",
            // Inflected forms of known words: "arrested", "prices", "falling".
            "Police arrested two men in Sydney",
            "Oil prices falling",
        ] {
            assert!(english_by_vocabulary(text, english), "{text}");
        }
        for text in [
            "Oljeprisen faller kraftig",
            "Stormen rammer Florida",
            "Il prezzo del petrolio scende",
            "Ölpreis fällt",
            // One known word is not enough, nor two against a lower-case word nobody knows.
            "Storm in Florida",
            "Police arrest brann",
            "Oil prices falls raast kust",
        ] {
            assert!(!english_by_vocabulary(text, english), "{text}");
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
