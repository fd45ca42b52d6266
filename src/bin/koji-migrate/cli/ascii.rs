//! Printable ASCII checked and written fast for the plain layout: the printable check, blanks
//! counted eight bytes at a time, decimal numbers two digits at a time, runs of one character.
//! Apart because each is measured against, and tested to agree with, the obvious slow version.

/// Whether every byte of `bytes` is printable ASCII (space to `~`), or a line break where
/// `breaks` allows one. Checked 32 bytes at a time without branches, which the compiler
/// turns into a few vector compares: the byte-at-a-time `all` this replaces branched at
/// every byte, and the notes of a 100,000-line file run 5 MB of titles, notes and shown
/// lines through it (about a fifth of the instructions of printing them). Long texts (the
/// messages, of a few hundred bytes) go 64 bytes to a branch, a quarter fewer instructions
/// than 32. The bytes after the last whole chunk are checked as one more, padded with
/// blanks: most texts are short, and a byte-at-a-time loop over their rest cost as much as
/// the chunks.
pub(super) fn printable_ascii(bytes: &[u8], breaks: bool) -> bool {
    let ok = |all: bool, &b: &u8| all & ((b.wrapping_sub(0x20) < 0x5f) | (breaks & (b == b'\n')));
    let (wide, rest) = bytes.as_chunks::<64>();
    let (chunks, rest) = rest.as_chunks::<32>();
    let mut last = [b' '; 32];
    last[..rest.len()].copy_from_slice(rest);
    wide.iter().all(|c| c.iter().fold(true, ok))
        && chunks.iter().all(|c| c.iter().fold(true, ok))
        && last.iter().fold(true, ok)
}

/// Eight blanks as a word, to compare eight bytes with at once.
const BLANKS: u64 = u64::from_le_bytes([b' '; 8]);

/// How many blanks `bytes` starts with, found eight bytes at a time: a shown line is
/// indented by eight or more, and a byte at a time cost a tenth of writing a note.
pub(super) fn leading_blanks(bytes: &[u8]) -> usize {
    // Most lines of an ini file start with their text.
    if bytes.first() != Some(&b' ') {
        return 0;
    }
    let (words, rest) = bytes.as_chunks::<8>();
    for (k, word) in words.iter().enumerate() {
        let other = u64::from_le_bytes(*word) ^ BLANKS;
        if other != 0 {
            return k * 8 + other.trailing_zeros() as usize / 8;
        }
    }
    words.len() * 8 + rest.iter().take_while(|&&b| b == b' ').count()
}

/// How many blanks `bytes` ends with, like [`leading_blanks`].
pub(super) fn trailing_blanks(bytes: &[u8]) -> usize {
    if bytes.last() != Some(&b' ') {
        return 0;
    }
    let (rest, words) = bytes.as_rchunks::<8>();
    for (k, word) in words.iter().rev().enumerate() {
        let other = u64::from_le_bytes(*word) ^ BLANKS;
        if other != 0 {
            return k * 8 + other.leading_zeros() as usize / 8;
        }
    }
    words.len() * 8 + rest.iter().rev().take_while(|&&b| b == b' ').count()
}

/// `text` without the blanks at its ends: `str::trim` for text whose only white space is
/// the blank (printable ASCII).
pub(super) fn trim_blanks(text: &str) -> &str {
    let start = leading_blanks(text.as_bytes());
    let end = text.len() - trailing_blanks(&text.as_bytes()[start..]);
    text.get(start..end).unwrap_or_default()
}

/// How many decimal digits `n` has.
pub(super) fn digits(n: usize) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// `n` in decimal, right-aligned to `width` columns.
pub(super) fn push_number(out: &mut String, n: usize, width: usize) {
    // Only a gutter's numbers are aligned, to a width no narrower than most of them.
    if width > 1 {
        push_repeated(out, ' ', width.saturating_sub(digits(n)));
    }
    push_digits(out, n);
}

/// The numbers 0 to 99, two digits each: [`push_digits`] writes two digits at a time from
/// it.
const PAIRS: &str = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";

/// `n`'s two digits if it is below 100, else its last two digits.
fn pair(n: usize) -> &'static str {
    let k = 2 * (n % 100);
    &PAIRS[k..k + 2]
}

/// `n` in decimal, the highest digits first, two at a time as slices of [`PAIRS`]: the
/// digits written one at a time as characters (each pushed with its length checked and
/// its UTF-8 encoded) cost about 150 instructions a number, and a report about a long file
/// writes about 90,000 line numbers; checking the digits as UTF-8 cost more still.
fn push_digits(out: &mut String, n: usize) {
    if n >= 10_000 {
        // A line number of five to eight digits without calling itself again.
        if n >= 100_000_000 {
            push_digits(out, n / 100_000_000);
            push_four_digits(out, n / 10_000 % 10_000);
        } else {
            push_below_10_000(out, n / 10_000);
        }
        push_four_digits(out, n % 10_000);
    } else {
        push_below_10_000(out, n);
    }
}

/// `n` (below 10,000) in decimal, without leading zeros.
#[inline(always)]
fn push_below_10_000(out: &mut String, n: usize) {
    if n >= 100 {
        push_below_100(out, n / 100);
        out.push_str(pair(n));
    } else {
        push_below_100(out, n);
    }
}

/// `n` (below 10,000) in four digits, with leading zeros.
#[inline(always)]
fn push_four_digits(out: &mut String, n: usize) {
    out.push_str(pair(n / 100));
    out.push_str(pair(n));
}

/// `n` (below 100) in decimal, without a leading zero.
fn push_below_100(out: &mut String, n: usize) {
    if n >= 10 {
        out.push_str(pair(n));
    } else {
        out.push(char::from(b'0' + (n % 10) as u8));
    }
}

/// `c` (ASCII) `count` times.
pub(super) fn push_repeated(out: &mut String, c: char, count: usize) {
    const SPACES: &str = "                                                                ";
    const CARETS: &str = "^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^";
    const UNDERSCORES: &str = "________________________________________________________________";
    let run = match c {
        ' ' => SPACES,
        '^' => CARETS,
        '_' => UNDERSCORES,
        _ => {
            out.extend(std::iter::repeat_n(c, count));
            return;
        }
    };
    let mut left = count;
    while left > 0 {
        let k = left.min(run.len());
        out.push_str(&run[..k]);
        left -= k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The numbers written two digits at a time are `format!`'s, at every number of digits
    /// and around each power of ten, right-aligned or not.
    #[test]
    fn push_number_agrees_with_format() {
        let mut numbers: Vec<usize> = (0..=20_000).collect();
        for p in 2..=19 {
            let power = 10usize.pow(p);
            // 3 × 10¹⁹ overflows a `usize` (the test builds check overflow): the largest one then.
            let thrice = power.saturating_mul(3).saturating_add(7);
            numbers.extend([power - 1, power, power + 1, power + 99, thrice]);
        }
        numbers.extend([usize::MAX, usize::MAX / 7, 123_456_789]);
        for n in numbers {
            for width in [0, 1, 2, 3, 5, 6, 21] {
                let mut out = String::from("x");
                push_number(&mut out, n, width);
                assert_eq!(out, format!("x{n:>width$}"));
            }
        }
    }

    /// The blanks counted eight bytes at a time are those counted one at a time, and
    /// trimming them is `str::trim` on printable ASCII, at every length and place around the
    /// words' edges.
    #[test]
    fn blanks_counted_by_words_agree_with_bytes() {
        for len in 0..40 {
            for at in 0..=len {
                for other in [b'x', b'\t', b'~'] {
                    let mut bytes = vec![b' '; len];
                    if at < len {
                        bytes[at] = other;
                    }
                    if at + 3 < len {
                        bytes[len - at / 2 - 1] = b'y';
                    }
                    let leading = bytes.iter().take_while(|&&b| b == b' ').count();
                    let trailing = bytes.iter().rev().take_while(|&&b| b == b' ').count();
                    assert_eq!(leading_blanks(&bytes), leading, "{bytes:?}");
                    assert_eq!(trailing_blanks(&bytes), trailing, "{bytes:?}");
                    let text = String::from_utf8(bytes).unwrap_or_default();
                    if other != b'\t' {
                        assert_eq!(trim_blanks(&text), text.trim(), "{text:?}");
                    }
                }
            }
        }
    }

    /// The chunked check agrees with a byte-at-a-time one for every byte, at every place
    /// of a 64-byte chunk, a 32-byte one and the rest after the chunks.
    #[test]
    fn printable_ascii_agrees_with_a_byte_at_a_time_check() {
        for len in [0, 1, 31, 32, 33, 63, 64, 65, 70, 96, 97, 127, 128, 130, 161] {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b;
                    for breaks in [false, true] {
                        let expected = bytes
                            .iter()
                            .all(|&c| (0x20..0x7f).contains(&c) || (breaks && c == b'\n'));
                        assert_eq!(printable_ascii(&bytes, breaks), expected, "{len} {at} {b}");
                    }
                }
            }
            assert!(printable_ascii(&vec![b'~'; len], false));
        }
    }
}
