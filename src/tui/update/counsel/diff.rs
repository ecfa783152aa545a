//! The changes since the last export: the redline of that version against the clause
//! set now, page by page.

use super::super::super::action::Action;
use super::super::super::app::{App, Pager, Screen};
use super::super::super::strings;
use super::super::super::view;
use super::super::{fail, ok, rewrap};

/// The redline of the last exported version against the clause set now.
pub(super) fn open_diff(app: &mut App) {
    let s = strings::counsel(app.lang);
    let Some(old) = &app.last_export else {
        app.status = Some(ok(s.no_export.clone()));
        return;
    };
    let ws = app.ws;
    let new = app.effective();
    let drafted = ws.draft(old).and_then(|o| ws.draft(&new).map(|n| (o, n)));
    let ((oa, od), (na, nd)) = match drafted {
        Ok(d) => d,
        Err(e) => {
            app.status = Some(fail(format!("{}: {}", s.diff_failed, e.in_lang(app.lang))));
            return;
        }
    };
    let side = |doc, values, overrides| crate::redline::Side {
        doc,
        values,
        overrides: Some(overrides),
    };
    let r = crate::redline::compare(
        &ws.library,
        &side(&od, &oa.values, &old.overrides),
        &side(&nd, &na.values, &new.overrides),
    );
    if r.values.is_empty() && r.changed().next().is_none() {
        app.status = Some(ok(s.no_changes.clone()));
        return;
    }
    let text = crate::redline::render::report(&r, crate::report::ReportFormat::Txt, app.lang);
    app.diff = Some(Pager::new(&text));
    app.screen = Screen::Diff;
    rewrap(app);
}

/// Scrolling the changes; Esc goes back to the preview.
pub fn diff_key(app: &mut App, action: Action) {
    let page = view::preview_page(app.size) as isize;
    let max = view::diff_max_scroll(app);
    let by = match action {
        Action::Up => -1,
        Action::Down => 1,
        Action::PageUp => -page,
        Action::PageDown | Action::Toggle => page,
        Action::Home => isize::MIN,
        Action::End => isize::MAX,
        Action::Back => {
            app.screen = Screen::Preview;
            app.back_wait = true;
            return;
        }
        _ => return,
    };
    if let Some(d) = &mut app.diff {
        d.scroll = d.scroll.saturating_add_signed(by).min(max);
    }
}
