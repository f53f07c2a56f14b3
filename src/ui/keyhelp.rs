//! What each bound action does, in words, for the help overlay and docs/viewer.md. The keys
//! themselves come from the app's one key table ([`crate::app::keys`]).

use crate::app::Action;
use crate::app::keys::Keymap;
use crate::app::overview::OverviewStep;

/// English.
pub fn en(action: Action) -> &'static str {
    use Action::*;
    match action {
        Next => "one step: next page (page view) / next panel (panel view); also the wheel",
        Prev => "one step back",
        NextPanel => "next panel (after a page's last panel, the next page)",
        PrevPanel => "previous panel",
        Below => "the panel below",
        Above => "the panel above",
        NextPage => "next page",
        PrevPage => "previous page",
        FirstPage => "first page",
        LastPage => "last page",
        Digit(_) => "type a page number, then Enter or G",
        JumpOrLast => "go to the typed page, else the last page",
        Confirm => "go to the typed page; else open the highlighted panel (page view)",
        ToggleView => "page view / panel view",
        ToggleArtAlone => "the panel's picture alone, as large as it goes",
        NextNoted => "next panel with notes",
        PrevNoted => "previous panel with notes",
        ToggleCommentary => "commentary: notes and sources",
        NextLanguage => "next language (story and interface)",
        ToggleHelp => "this help",
        EraseDigit => "while typing a page number: erase its last digit",
        ScrollDown => "in commentary or help: scroll down",
        ScrollUp => "in commentary or help: scroll up",
        ScrollPageDown => "in commentary or help: a screen down",
        ScrollPageUp => "in commentary or help: a screen up",
        ScrollTop => "in commentary or help: the top",
        ScrollBottom => "in commentary or help: the end",
        Back => "close the box or the picture, clear a typed number (never quits)",
        ToggleBookmark => "bookmark this panel (or remove its bookmark)",
        ToggleOverview => "overview: every page, bookmarks marked",
        ToggleSide => "commentary beside the page (100 columns and wider)",
        SideDown => "scroll the side pane down",
        SideUp => "scroll the side pane up",
        Overview(OverviewStep::NextPanel) => "in the overview: next panel",
        Overview(OverviewStep::PrevPanel) => "in the overview: previous panel",
        Overview(OverviewStep::NextPage) => "in the overview: next page",
        Overview(OverviewStep::PrevPage) => "in the overview: previous page",
        Overview(OverviewStep::RowDown) => "in the overview: the page below",
        Overview(OverviewStep::RowUp) => "in the overview: the page above",
        OverviewJump => "in the overview: go there",
        SearchStart => "search: type, then Enter (Tab: every language; Esc cancels)",
        SearchNext => "next hit",
        SearchPrev => "previous hit",
        Quit => "quit",
        Suspend => "suspend to the shell (fg to return)",
        GoTo(_) | OpenPanel(_) | Resize(..) | SearchInput(_) | SearchErase | SearchSubmit
        | OverviewPick(_) | ShowCover | SearchScope => "",
    }
}

/// Simplified Chinese.
pub fn zh(action: Action) -> &'static str {
    use Action::*;
    match action {
        Next => "一步：下一页（整页）/ 下一格（单格）；鼠标滚轮同此",
        Prev => "退一步",
        NextPanel => "下一格（一页的最后一格之后到下一页）",
        PrevPanel => "上一格",
        Below => "下方的格",
        Above => "上方的格",
        NextPage => "下一页",
        PrevPage => "上一页",
        FirstPage => "第一页",
        LastPage => "最后一页",
        Digit(_) => "输入页码，再按 Enter 或 G",
        JumpOrLast => "跳到输入的页码，否则到最后一页",
        Confirm => "跳到输入的页码；否则打开高亮的格（整页）",
        ToggleView => "整页 / 单格",
        ToggleArtAlone => "只看本格画面，尽量放大",
        NextNoted => "下一个有评注的格",
        PrevNoted => "上一个有评注的格",
        ToggleCommentary => "评注：注释与资料来源",
        NextLanguage => "切换语言（故事与界面）",
        ToggleHelp => "本帮助",
        EraseDigit => "输入页码时：删去最后一位",
        ScrollDown => "评注或帮助中：向下滚动",
        ScrollUp => "评注或帮助中：向上滚动",
        ScrollPageDown => "评注或帮助中：向下一屏",
        ScrollPageUp => "评注或帮助中：向上一屏",
        ScrollTop => "评注或帮助中：到顶",
        ScrollBottom => "评注或帮助中：到底",
        Back => "关闭窗口或画面、清除输入的页码（不会退出）",
        ToggleBookmark => "为本格加书签（再按一次取消）",
        ToggleOverview => "总览：所有页面，标出书签",
        ToggleSide => "评注显示在页面旁边（终端宽 100 列以上）",
        SideDown => "侧栏向下滚动",
        SideUp => "侧栏向上滚动",
        Overview(OverviewStep::NextPanel) => "总览中：下一格",
        Overview(OverviewStep::PrevPanel) => "总览中：上一格",
        Overview(OverviewStep::NextPage) => "总览中：下一页",
        Overview(OverviewStep::PrevPage) => "总览中：上一页",
        Overview(OverviewStep::RowDown) => "总览中：下方的页",
        Overview(OverviewStep::RowUp) => "总览中：上方的页",
        OverviewJump => "总览中：跳到该格",
        SearchStart => "搜索：输入后按 Enter（Tab：所有语言；Esc 取消）",
        SearchNext => "下一个结果",
        SearchPrev => "上一个结果",
        Quit => "退出",
        Suspend => "挂起到 shell（用 fg 返回）",
        GoTo(_) | OpenPanel(_) | Resize(..) | SearchInput(_) | SearchErase | SearchSubmit
        | OverviewPick(_) | ShowCover | SearchScope => "",
    }
}

/// Each binding as (keys, what it does), in the table's order.
pub fn rows(keymap: &Keymap, describe: fn(Action) -> &'static str) -> Vec<(String, &'static str)> {
    keymap
        .bindings
        .iter()
        .filter(|b| !b.keys.is_empty())
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(ToString::to_string).collect();
            (keys.join(" "), describe(b.action))
        })
        .collect()
}

/// The key table as docs/viewer.md shows it (English, Markdown).
pub fn markdown(keymap: &Keymap) -> String {
    let mut out = String::from("| Keys | Does |\n|---|---|\n");
    for (keys, does) in rows(keymap, en) {
        let keys: Vec<String> = keys.split(' ').map(|k| format!("`{k}`")).collect();
        out.push_str(&format!("| {} | {does} |\n", keys.join(" ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BEGIN: &str = "<!-- keys:begin -->\n";
    const END: &str = "<!-- keys:end -->";

    /// docs/viewer.md shows the key table the viewer dispatches with.
    #[test]
    fn docs_key_table_is_the_key_table() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/viewer.md");
        let doc = std::fs::read_to_string(path).unwrap();
        let start = doc.find(BEGIN).expect("keys:begin marker") + BEGIN.len();
        let end = doc.find(END).expect("keys:end marker");
        let want = markdown(&Keymap::default());
        if std::env::var_os("UPDATE_DOCS").is_some() {
            let updated = format!("{}{want}{}", &doc[..start], &doc[end..]);
            std::fs::write(path, updated).unwrap();
            return;
        }
        assert_eq!(
            &doc[start..end],
            want,
            "run UPDATE_DOCS=1 cargo test --lib docs_key_table"
        );
    }

    /// Every action a key can do has words in both languages.
    #[test]
    fn every_bound_action_is_described_in_both_languages() {
        for b in Keymap::default().bindings {
            assert!(!en(b.action).is_empty(), "{:?}", b.action);
            assert!(!zh(b.action).is_empty(), "{:?}", b.action);
        }
    }
}
