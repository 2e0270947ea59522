//! How a body line opens: a paragraph number `12.`, an item label `(a)`
//! or `a)`, a chapter `III.` or a section `A.` — and the sequences those
//! labels follow, which decide between readings that look alike (`(i)`
//! is the ninth letter after `(h)`, the first roman numeral elsewhere).

/// What a line's first token could be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opening {
    /// `12.` followed by white space or nothing.
    Number(u32),
    /// `(a)`, `a)`, `(iv)`, `(aa)`.
    Label(String),
    /// `III.` followed by a title.
    Chapter(u32),
    /// `B.` followed by a title.
    Letter(char),
}

/// A line's opening token and the byte offset where the text after it
/// begins (white space skipped).
#[must_use]
pub fn opening(text: &str) -> Option<(Opening, usize)> {
    let t = text.trim_start();
    let lead = text.len() - t.len();
    let rest_at = |consumed: usize| -> Option<usize> {
        let after = &t[consumed..];
        if after.is_empty() {
            return Some(text.len());
        }
        let trimmed = after.trim_start();
        (trimmed.len() < after.len()).then(|| lead + consumed + (after.len() - trimmed.len()))
    };
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) && t[digits..].starts_with('.') {
        let n: u32 = t[..digits].parse().ok()?;
        return Some((Opening::Number(n), rest_at(digits + 1)?));
    }
    if let Some(inner) = t.strip_prefix('(')
        && let Some(close) = inner.find(')')
        && is_label(&inner[..close])
    {
        return Some((
            Opening::Label(inner[..close].to_string()),
            rest_at(close + 2)?,
        ));
    }
    if let Some(close) = t.find(')')
        && close > 0
        && is_label(&t[..close])
        && close <= 4
    {
        return Some((Opening::Label(t[..close].to_string()), rest_at(close + 1)?));
    }
    let upper = t.bytes().take_while(u8::is_ascii_uppercase).count();
    if upper >= 1 && t[upper..].starts_with('.') {
        let word = &t[..upper];
        let title = rest_at(upper + 1)?;
        if let Some(n) = roman(&word.to_lowercase())
            && word.bytes().all(|b| b"IVXL".contains(&b))
        {
            return Some((Opening::Chapter(n), title));
        }
        if upper == 1 {
            return Some((Opening::Letter(word.chars().next()?), title));
        }
    }
    None
}

/// `a`…`z`, doubled letters `aa`…, or a lowercase roman numeral.
fn is_label(s: &str) -> bool {
    let n = s.len();
    (1..=5).contains(&n)
        && s.bytes().all(|b| b.is_ascii_lowercase())
        && (n == 1 || roman(s).is_some() || s.bytes().all(|b| b == s.as_bytes()[0]))
}

/// The value of a lowercase roman numeral up to 89.
#[must_use]
pub fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b"ivxl".contains(&b)) {
        return None;
    }
    let value = |b: u8| match b {
        b'i' => 1,
        b'v' => 5,
        b'x' => 10,
        _ => 50,
    };
    let bytes = s.as_bytes();
    let mut total = 0i32;
    for (i, &b) in bytes.iter().enumerate() {
        let v = value(b);
        if bytes.get(i + 1).is_some_and(|&next| value(next) > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    let total = u32::try_from(total).ok()?;
    (to_roman(total) == s).then_some(total)
}

/// Lowercase roman numeral of 1..=89.
#[must_use]
pub fn to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (value, digits) in [
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ] {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// The letter label after `label`: `a`→`b`, `z`→`aa`, `aa`→`bb`.
#[must_use]
pub fn next_letter(label: &str) -> Option<String> {
    let first = label.chars().next()?;
    if !label.chars().all(|c| c == first) || !first.is_ascii_lowercase() {
        return None;
    }
    Some(if first == 'z' {
        "a".repeat(label.len() + 1)
    } else {
        let next = char::from(first as u8 + 1);
        next.to_string().repeat(label.len())
    })
}

/// Is `label` the roman numeral after `previous`?
#[must_use]
pub fn next_roman(previous: &str) -> Option<String> {
    roman(previous).map(|n| to_roman(n + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openings() {
        assert_eq!(opening("12. The Committee"), Some((Opening::Number(12), 4)));
        assert_eq!(opening("1."), Some((Opening::Number(1), 2)));
        assert_eq!(opening("(a) Ensure"), Some((Opening::Label("a".into()), 4)));
        assert_eq!(
            opening("a) L’adoption"),
            Some((Opening::Label("a".into()), 3))
        );
        assert_eq!(opening("(iv) x"), Some((Opening::Label("iv".into()), 5)));
        assert_eq!(opening("(aa) x"), Some((Opening::Label("aa".into()), 5)));
        assert_eq!(
            opening("III. Principal areas"),
            Some((Opening::Chapter(3), 5))
        );
        assert_eq!(
            opening("B. Specific rights"),
            Some((Opening::Letter('B'), 3))
        );
        assert_eq!(opening("2019, the Committee"), None);
        assert_eq!(opening("(see paragraph 3)"), None);
        assert_eq!(opening("12.5 per cent"), None);
        assert_eq!(opening("(ab) no"), None);
        assert_eq!(opening("IV."), Some((Opening::Chapter(4), 3)));
    }

    #[test]
    fn sequences() {
        assert_eq!(next_letter("a").as_deref(), Some("b"));
        assert_eq!(next_letter("z").as_deref(), Some("aa"));
        assert_eq!(next_letter("aa").as_deref(), Some("bb"));
        assert_eq!(next_roman("iii").as_deref(), Some("iv"));
        assert_eq!(roman("ix"), Some(9));
        assert_eq!(roman("iiii"), None);
        assert_eq!(roman("xl"), Some(40));
    }
}
