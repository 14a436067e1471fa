//! Word tokens (UAX #29) with byte and char offsets, and sentence starts.

use unicode_segmentation::UnicodeSegmentation;

/// One word token.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    /// Text.
    pub text: &'a str,
    /// Byte start in the document.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// Starts a sentence (first token, or after `.`, `!`, `?` or a paragraph break).
    pub sentence_start: bool,
}

impl Token<'_> {
    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        capitalised(self.text)
    }
}

/// The UAX #29 word-boundary segments of `text` with their byte offsets ([`split_segments`]),
/// capitals joined by an ampersand made one ("S&P", "AT&T", as CoNLL writes them): computed
/// once per text and shared by the tokens, the tagger's sentences and the keywords.
pub(crate) fn segments(text: &str) -> Vec<(usize, &str)> {
    let mut out = split_segments(text);
    if text.contains('&') {
        join_ampersand_names(text, &mut out);
    }
    out
}

/// Capitals joined by an ampersand are one word, as CoNLL writes them ("S&P", "AT&T", "M&S"),
/// not two names and a sign.
fn join_ampersand_names<'a>(text: &'a str, out: &mut Vec<(usize, &'a str)>) {
    let caps = |w: &str| w.len() <= 4 && w.bytes().all(|b| b.is_ascii_uppercase());
    let mut joined: Vec<(usize, &'a str)> = Vec::with_capacity(out.len());
    let mut k = 0;
    while k < out.len() {
        if let [(start, a), (_, "&"), (_, b), ..] = out[k..] {
            if caps(a) && caps(b) {
                let end = start + a.len() + 1 + b.len();
                joined.push((start, &text[start..end]));
                k += 3;
                continue;
            }
        }
        joined.push(out[k]);
        k += 1;
    }
    *out = joined;
}

/// The UAX #29 word-boundary segments of `text` with their byte offsets.
///
/// ASCII text takes the crate's ASCII word finder, several times faster than its general
/// segmenter. Text with some other characters (curly quotes, dashes, accented names: most wire
/// copy) is cut at each run of spaces between two ASCII characters that are not spaces — UAX
/// #29 breaks before and after such a run and no rule looks across it — and each piece is
/// segmented on its own, the ASCII pieces the fast way.
fn split_segments(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::with_capacity(text.len() / 3);
    if text.is_ascii() {
        ascii_segments(text, 0, text.len(), &mut out);
        return out;
    }
    let bytes = text.as_bytes();
    let (mut piece, mut i) = (0, 1);
    while i < bytes.len() {
        if bytes[i] != b' ' || !bytes[i - 1].is_ascii() || bytes[i - 1] == b' ' {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < bytes.len() && bytes[j] == b' ' {
            j += 1;
        }
        if j < bytes.len() && bytes[j].is_ascii() {
            piece_segments(text, piece, i, &mut out);
            out.push((i, &text[i..j]));
            piece = j;
        }
        i = j;
    }
    piece_segments(text, piece, text.len(), &mut out);
    out
}

/// The segments of `text[from..to]`, a piece cut as [`segments`] cuts.
fn piece_segments<'a>(text: &'a str, from: usize, to: usize, out: &mut Vec<(usize, &'a str)>) {
    let piece = &text[from..to];
    if piece.is_ascii() {
        ascii_segments(text, from, to, out);
    } else {
        out.extend(
            piece
                .split_word_bound_indices()
                .map(|(at, s)| (from + at, s)),
        );
    }
}

/// The segments of the ASCII `text[from..to]`: the crate's ASCII words, and the gaps between
/// them split as UAX #29 does in ASCII: runs of spaces and of underscores are one segment each,
/// CR LF is one, any other byte is its own.
fn ascii_segments<'a>(text: &'a str, from: usize, to: usize, out: &mut Vec<(usize, &'a str)>) {
    let mut at = from;
    for (start, word) in text[from..to].unicode_word_indices() {
        let start = from + start;
        ascii_gap_segments(text, at, start, out);
        out.push((start, word));
        at = start + word.len();
    }
    ascii_gap_segments(text, at, to, out);
}

/// The segments of the ASCII `text[from..to]`, which holds no letter or digit.
fn ascii_gap_segments<'a>(text: &'a str, from: usize, to: usize, out: &mut Vec<(usize, &'a str)>) {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < to {
        let b = bytes[i];
        let mut j = i + 1;
        match b {
            b' ' | b'_' => {
                while j < to && bytes[j] == b {
                    j += 1;
                }
            }
            b'\r' if j < to && bytes[j] == b'\n' => j += 1,
            _ => {}
        }
        out.push((i, &text[i..j]));
        i = j;
    }
}

/// Word tokens of `text`: runs that contain a letter or digit.
#[cfg(test)]
pub(crate) fn tokens(text: &str) -> Vec<Token<'_>> {
    tokens_of(&segments(text))
}

/// Word tokens from a text's [`segments`].
pub(crate) fn tokens_of<'a>(segments: &[(usize, &'a str)]) -> Vec<Token<'a>> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    // Line breaks since the last word: UAX #29 makes each its own segment.
    let mut line_breaks = 0;
    // The last segment that was neither white space nor a hyphen ("--" is two segments).
    let mut last = "";
    for (k, &(start, w)) in segments.iter().enumerate() {
        // A dateline's dash after its agency's bracket or a town in capitals opens the story's
        // first sentence ("ASTANA, Dec 25 (Reuters) - An Azerbaijan Airlines jet").
        let dateline_dash = start < 100
            && matches!(w, "-" | "\u{2014}" | "\u{2013}")
            && segments.get(k + 1).is_some_and(|&(_, n)| n == " ")
            && (last == ")"
                || last.len() >= 2 && last.chars().all(|c| c.is_uppercase() || c == '.'));
        if dateline_dash {
            sentence_start = true;
        }
        if !w.trim().is_empty() && w != "-" {
            last = w;
        }
        if w.chars().any(char::is_alphanumeric) {
            out.push(Token {
                text: w,
                start,
                end: start + w.len(),
                sentence_start,
            });
            sentence_start = false;
            line_breaks = 0;
        } else {
            line_breaks += w.matches('\n').count();
            if w.contains(['.', '!', '?']) || line_breaks >= 2 {
                sentence_start = true;
            }
        }
    }
    out
}

/// `w` lower-cased, borrowed when it is ASCII without capitals (most words; for those
/// `str::to_lowercase` would return a copy of `w`).
pub(crate) fn lowercase(w: &str) -> std::borrow::Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(w)
    } else {
        std::borrow::Cow::Owned(w.to_lowercase())
    }
}

/// Whether `w` starts with a capital letter.
pub(crate) fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Maps byte offsets of `text` to char offsets.
pub(crate) struct CharIndex {
    /// Byte offset of every char, plus the total length; `None` for ASCII text, where the two
    /// are the same.
    starts: Option<Vec<usize>>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharIndex { starts: None };
        }
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        CharIndex {
            starts: Some(starts),
        }
    }

    /// The char offset of byte offset `byte` (which must be a char boundary).
    pub fn char_at(&self, byte: usize) -> usize {
        match &self.starts {
            None => byte,
            Some(starts) => starts.partition_point(|&b| b < byte),
        }
    }
}

/// Is `byte` a word boundary of `text` (no letter or digit on both sides)?
pub(crate) fn at_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`split_segments`] against the crate's general segmenter on `count` pseudo-random strings of
    /// up to `longest` characters of `alphabet`, then on `story`.
    fn segments_match_the_general_segmenter(
        alphabet: &[char],
        (count, longest, seed): (usize, u64, u64),
        story: &str,
    ) {
        let mut state = seed;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..count {
            let len = (next() % longest) as usize;
            let text: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let general: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
            assert_eq!(split_segments(&text), general, "{text:?}");
        }
        let general: Vec<(usize, &str)> = story.split_word_bound_indices().collect();
        assert_eq!(split_segments(story), general);
    }

    /// The ASCII path of [`segments`], on strings of the characters whose rules differ
    /// (letters, digits, the infix marks, spaces, underscores, line breaks, tabs, other
    /// punctuation).
    #[test]
    fn ascii_segments_are_the_general_segmenters() {
        let alphabet: Vec<char> = "aZq09 _.,;:'\"\r\n\t-!?(/".chars().collect();
        segments_match_the_general_segmenter(
            &alphabet,
            (20_000, 24, 0x2545_F491_4F6C_DD1D),
            "U.S. officials said 3,000.5 troops' e.g. re-entry\r\n\r\nit's  done__ _x_ a:b",
        );
    }

    /// Text with other characters, cut into pieces at runs of spaces: the characters UAX #29
    /// treats apart (accented letters, curly quotes and apostrophes, dashes, no-break and en
    /// spaces, a combining accent, a joiner, ideographs, flags, Arabic digits) mixed with ASCII.
    #[test]
    fn pieces_cut_at_spaces_segment_as_the_whole_text() {
        let alphabet: Vec<char> = "aZ09   .,'_:\n-\"e\u{e9}\u{201C}\u{201D}\u{2019}\u{2014}\u{a0}\u{2002}\u{301}\u{200d}\u{4e2d}\u{1f1eb}\u{1f1f7}\u{663}"
            .chars()
            .collect();
        segments_match_the_general_segmenter(
            &alphabet,
            (30_000, 20, 0x9E37_79B9_7F4A_7C15),
            "\u{201C}We won\u{2019}t go,\u{201D} said Jos\u{e9} Mar\u{ed}a \u{2014} in Z\u{fc}rich.",
        );
    }

    #[test]
    fn capitals_joined_by_an_ampersand_are_one_word() {
        let words: Vec<&str> = tokens("S&P and AT&T rose; Procter & Gamble, R&amp;D and B&Q fell")
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            words,
            vec![
                "S&P", "and", "AT&T", "rose", "Procter", "Gamble", "R", "amp", "D", "and", "B&Q",
                "fell"
            ]
        );
    }

    #[test]
    fn tokens_know_sentence_starts() {
        let t =
            tokens("Putin met Lukashenko. Trade grew 30%.\n\nThe end\n\nHeadline here\r\n\r\nBody");
        let starts: Vec<&str> = t
            .iter()
            .filter(|t| t.sentence_start)
            .map(|t| t.text)
            .collect();
        // A paragraph break starts a sentence too (each line break is its own segment).
        assert_eq!(starts, vec!["Putin", "Trade", "The", "Headline", "Body"]);
    }

    #[test]
    fn char_index_counts_scalar_values() {
        let text = "Mińsk – Minsk";
        let idx = CharIndex::new(text);
        let byte = text.rfind("Minsk").expect("found");
        assert_eq!(idx.char_at(byte), 8);
        assert_eq!(idx.char_at(text.len()), 13);
        let ascii = CharIndex::new("Minsk - Minsk");
        assert_eq!(ascii.char_at(8), 8);
        assert_eq!(ascii.char_at(13), 13);
    }
}
