//! Which of a story's languages a reader means: `--lang zh`, `zh-CN`, `zh_cn`, `ZH-HANS` and
//! a locale such as `zh_CN.UTF-8` all mean Simplified Chinese when the story has `zh-Hans`.

/// The index in `languages` (the story's tags, e.g. `en`, `zh-Hans`) that `asked` names, if
/// any: exact (ignoring case and `_`/`-`), then the Chinese script aliases, then the same
/// primary language (`en-US` → `en`).
pub fn resolve(languages: &[String], asked: &str) -> Option<usize> {
    let asked = normalize(asked);
    if asked.is_empty() {
        return None;
    }
    let tags: Vec<String> = languages.iter().map(|l| normalize(l)).collect();
    if let Some(i) = tags.iter().position(|t| *t == asked) {
        return Some(i);
    }
    let script = match asked.as_str() {
        "zh" | "zh-cn" | "zh-sg" | "zh-my" | "zh-hans-cn" | "zh-hans" => Some("zh-hans"),
        "zh-tw" | "zh-hk" | "zh-mo" | "zh-hant-tw" | "zh-hant" => Some("zh-hant"),
        _ => None,
    };
    if let Some(i) = script.and_then(|s| tags.iter().position(|t| t == s)) {
        return Some(i);
    }
    let primary = asked.split('-').next().unwrap_or("");
    tags.iter()
        .position(|t| t.split('-').next() == Some(primary))
}

/// The language the locale asks for (`LC_ALL`, then `LC_MESSAGES`, then `LANG`), if the story
/// has it. `C` and `POSIX` ask for nothing.
pub fn from_locale(languages: &[String], env: impl Fn(&str) -> Option<String>) -> Option<usize> {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| env(k).filter(|v| !v.is_empty()))?;
    let tag = value.split(['.', '@']).next().unwrap_or("");
    if matches!(tag, "C" | "POSIX") {
        return None;
    }
    resolve(languages, tag)
}

/// Lower case, `_` as `-`, without an encoding (`.UTF-8`) or modifier (`@euro`).
fn normalize(tag: &str) -> String {
    tag.trim()
        .split(['.', '@'])
        .next()
        .unwrap_or("")
        .replace('_', "-")
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs() -> Vec<String> {
        vec!["en".into(), "zh-Hans".into()]
    }

    #[test]
    fn common_spellings_find_the_story_language() {
        for (asked, want) in [
            ("en", Some(0)),
            ("EN", Some(0)),
            ("en-US", Some(0)),
            ("en_GB.UTF-8", Some(0)),
            ("zh-Hans", Some(1)),
            ("zh-hans", Some(1)),
            ("ZH_HANS", Some(1)),
            ("zh", Some(1)),
            ("zh-CN", Some(1)),
            ("zh_CN.UTF-8", Some(1)),
            ("zh-TW", Some(1)),
            ("fr", None),
            ("", None),
        ] {
            assert_eq!(resolve(&langs(), asked), want, "{asked}");
        }
        let both = vec!["zh-Hant".to_string(), "zh-Hans".to_string()];
        assert_eq!(resolve(&both, "zh-TW"), Some(0));
        assert_eq!(resolve(&both, "zh-CN"), Some(1));
    }

    #[test]
    fn the_locale_is_read_in_order_and_c_means_nothing() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            from_locale(&langs(), env(&[("LANG", "zh_CN.UTF-8")])),
            Some(1)
        );
        assert_eq!(
            from_locale(
                &langs(),
                env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "en_US.UTF-8")])
            ),
            Some(0)
        );
        assert_eq!(from_locale(&langs(), env(&[("LANG", "C.UTF-8")])), None);
        assert_eq!(from_locale(&langs(), env(&[("LANG", "de_DE.UTF-8")])), None);
        assert_eq!(from_locale(&langs(), env(&[])), None);
    }
}
