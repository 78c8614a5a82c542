"""The page at ``/`` in a real browser: the system's headless Chromium, driven by Playwright,
against a real ``wxpay-names serve`` on a loopback port.

Chromium comes from the system's packages (``apt-get install chromium``; ``.ci/run`` installs
it where missing), never from ``playwright install``. ``.ci/run`` sets ``WXPAY_REQUIRE_BROWSER=1``:
there a missing Chromium fails these tests. Elsewhere (the README's test command on a machine
with only Python) they are skipped with the reason printed in pytest's summary, never silently.
The phone-width screenshots are saved under ``artifacts/`` (gitignored).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright

from serving import Server, running_server
from wxpay_names import banks

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
PHONE = {"width": 360, "height": 780}
MRZ = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("browser") / "server.log") as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        reason = (
            f"{CHROMIUM} is missing: install the system's Chromium (apt-get install chromium) to run "
            "the browser tests; .ci/run installs it and requires them"
        )
        if os.environ.get("WXPAY_REQUIRE_BROWSER") == "1":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def open_page(
    browser: Browser, server: Server, locale: str = "en-GB", viewport: dict[str, int] | None = None
) -> Page:
    context = browser.new_context(locale=locale, viewport=viewport or {"width": 1024, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: _note_error(message, problems))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(server.url + "/")
    expect(page.locator("#bank-list input")).to_have_count(len(banks()))
    page.problems = problems  # type: ignore[attr-defined]
    return page


def _note_error(message: ConsoleMessage, problems: list[str]) -> None:
    # A refusal (4xx) is an answer the page shows; anything else said as an error is a fault
    # (a script error, a blocked script or style, a failed request).
    if message.type == "error" and "responded with a status of 4" not in message.text:
        problems.append(message.text)


@pytest.fixture
def page(browser: Browser, server: Server) -> Iterator[Page]:
    opened = open_page(browser, server)
    yield opened
    assert opened.problems == []  # type: ignore[attr-defined]  # no script error, nothing blocked
    opened.context.close()


def show_names(page: Page, surname: str, given_names: str, *codes: str) -> None:
    page.fill("#surname", surname)
    page.fill("#given_names", given_names)
    for code in codes:
        page.check(f"#bank-list input[value={code}]")
    page.click("#show")
    expect(page.locator("#bank-results .card")).to_have_count(len(codes) or len(banks()))


def typed_at(page: Page, code: str) -> str:
    return page.locator(f".card[data-bank={code}] .expected .name-text").inner_text()


def test_the_page_loads_with_every_control_labelled(page: Page) -> None:
    expect(page).to_have_title("The name your bank holds · wxpay_names")
    expect(page.locator("h1")).to_have_text("The name your bank holds")
    unlabelled = page.evaluate(
        "Array.from(document.querySelectorAll('input, select, textarea'))"
        ".filter(c => !c.labels || c.labels.length === 0).map(c => c.id || c.name)"
    )
    assert unlabelled == []


def test_zhang_san_at_icbc_and_boc(page: Page) -> None:
    show_names(page, "Zhang", "San", "ICBC", "BOC")
    assert typed_at(page, "ICBC") == "ZHANG SAN"
    assert typed_at(page, "BOC") == "SAN ZHANG"
    # Two banks that disagree: the page says WeChat holds one name, and how the banks differ.
    expect(page.locator("#plan")).to_contain_text("one real name")
    expect(page.locator("#plan")).to_contain_text("Name order differs")


def test_the_other_forms_are_listed_in_order_with_notes(page: Page) -> None:
    show_names(page, "Zhang", "San", "ICBC")
    card = page.locator(".card[data-bank=ICBC]")
    card.locator(".others summary").click()
    forms = card.locator(".forms li .name-text").all_inner_texts()
    assert forms[:3] == ["Zhang San", "ZHANGSAN", "SAN ZHANG"]
    expect(card.locator(".forms li .why").first).to_contain_text("title case")
    expect(card.locator(".badge")).to_have_text("reported")


def test_a_pasted_mrz_fills_the_name(page: Page) -> None:
    page.click("#mrz-box summary")
    page.fill("#mrz", MRZ)
    page.dispatch_event("#mrz", "paste")
    expect(page.locator("#surname")).to_have_value("ERIKSSON")
    expect(page.locator("#given_names")).to_have_value("ANNA MARIA")
    expect(page.locator("#mrz-status")).to_contain_text("ERIKSSON, ANNA MARIA")
    page.check("#bank-list input[value=BOC]")
    page.click("#show")
    expect(page.locator(".card[data-bank=BOC] .expected .name-text")).to_have_text("ANNA MARIA ERIKSSON")


def test_chinese_characters_are_used_instead_of_the_fields(page: Page) -> None:
    page.click("#chinese-box summary")
    page.fill("#chinese", "欧阳娜娜")
    page.check("#bank-list input[value=ICBC]")
    page.click("#show")
    expect(page.locator(".card[data-bank=ICBC] .expected .name-text")).to_have_text("OUYANG NANA")
    expect(page.locator("#name-read")).to_contain_text("欧阳娜娜")


def test_what_the_characters_leave_open_is_said_with_the_name(page: Page) -> None:
    page.click("#chinese-box summary")
    page.fill("#chinese", "覃海洋")
    page.check("#bank-list input[value=ICBC]")
    page.click("#show")
    notes = page.locator("#reading-notes")
    expect(notes).to_be_visible()
    expect(notes.locator("li").first).to_contain_text("QIN or TAN")
    expect(notes).to_contain_text("Hong Kong")
    page.click("#lang")
    expect(notes.locator("li").first).to_contain_text("QIN、TAN 两种读音")
    page.click("#lang")
    page.click("#chinese-box summary")  # closed: the fields are the name, which leaves nothing open
    show_names(page, "Smith", "John", "ICBC")
    expect(notes).to_be_hidden()


def test_a_closed_chinese_box_does_not_replace_the_fields(page: Page) -> None:
    # Characters left in the box after it is closed: the fields typed since are the name.
    page.click("#chinese-box summary")
    page.fill("#chinese", "张伟")
    page.click("#chinese-box summary")
    show_names(page, "Smith", "John", "ICBC")
    assert typed_at(page, "ICBC") == "SMITH JOHN"
    page.click("#chinese-box summary")  # open again: the characters are the name
    page.click("#show")
    expect(page.locator(".card[data-bank=ICBC] .expected .name-text")).to_have_text("ZHANG WEI")


def test_a_name_longer_than_the_service_takes_is_refused_not_cut(page: Page) -> None:
    page.fill("#surname", "Smith")
    page.fill("#given_names", "Maria " * 50)  # 300 characters
    page.click("#show")
    expect(page.locator("#name-error")).to_contain_text("at most 256 are accepted")
    expect(page.locator("#given_names")).to_have_attribute("aria-invalid", "true")


def test_a_refusal_names_the_pages_fields_not_python(page: Page) -> None:
    page.fill("#surname", "张")
    page.fill("#given_names", "三")
    page.click("#show")
    expect(page.locator("#name-error")).to_contain_text("in the chinese field")
    assert "from_chinese" not in page.locator("#name-error").inner_text()


def test_a_zone_that_cannot_be_read_is_said_beside_its_button(page: Page) -> None:
    # The refusal was shown only far below, past the banks; an empty box gave no answer at all.
    page.click("#mrz-box summary")
    page.click("#read-mrz")
    expect(page.locator("#mrz-status")).to_have_text("Paste the lines of the machine-readable zone first.")
    wrong_digit = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<19"
    page.fill("#mrz", wrong_digit)
    page.click("#read-mrz")
    expect(page.locator("#mrz-status")).to_contain_text("check digit")
    expect(page.locator("#mrz-status")).to_have_class("alert")


def test_a_refused_name_shows_why_and_the_next_forms(page: Page) -> None:
    page.fill("#surname", "Zhang")
    page.fill("#given_names", "San")
    page.select_option("#check-bank", "ICBC")
    page.fill("#entered", "ZHANG SAM")
    page.click("#check")
    expect(page.locator(".verdict")).to_have_class("verdict mismatch")
    expect(page.locator(".verdict")).to_contain_text("ZHANG SAN")
    expect(page.locator("#check-result .problems li")).not_to_have_count(0)
    next_forms = page.locator("#check-result .forms .name-text")
    expect(next_forms.first).to_have_text("ZHANG SAN")
    # Rank 1 itself refused: it is not offered again, and the next form comes first.
    page.fill("#entered", "ZHANG SAN")
    page.click("#check")
    expect(page.locator(".verdict")).to_have_class("verdict match")
    expect(next_forms.first).to_have_text("Zhang San")
    assert "ZHANG SAN" not in next_forms.all_inner_texts()


def test_editing_the_name_takes_the_old_results_away(page: Page) -> None:
    # The cards said "Type this: ZHANG SAN" while a check below ran on the edited name, LI SAN.
    show_names(page, "Zhang", "San", "ICBC")
    page.select_option("#check-bank", "ICBC")
    page.fill("#entered", "ZHANG SAM")
    page.click("#check")
    expect(page.locator(".verdict")).to_have_class("verdict mismatch")
    page.fill("#surname", "Li")
    expect(page.locator("#results")).to_be_hidden()
    expect(page.locator("#check-result .verdict")).to_have_count(0)
    # Asked again, the results are the new name's.
    page.click("#show")
    expect(page.locator("#results")).to_be_visible()
    # Waited for: the old, hidden card is in the page until the new answer replaces it.
    expect(page.locator(".card[data-bank=ICBC] .expected .name-text")).to_have_text("LI SAN")
    expect(page.locator("#bank-results .card")).to_have_count(1)


def test_reading_a_zone_takes_the_old_results_away(page: Page) -> None:
    # The fields are set by the page, no input event fires: the cards kept "ZHANG SAN".
    show_names(page, "Zhang", "San", "ICBC")
    page.click("#mrz-box summary")
    page.fill("#mrz", MRZ)
    page.click("#read-mrz")
    expect(page.locator("#surname")).to_have_value("ERIKSSON")
    expect(page.locator("#results")).to_be_hidden()


def test_a_name_in_two_scripts_marks_both_fields(page: Page) -> None:
    # The refusal names no one field: neither input was marked.
    page.fill("#surname", "Zhang")
    page.fill("#given_names", "三")
    page.click("#show")
    expect(page.locator("#name-error")).not_to_be_hidden()
    expect(page.locator("#surname")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#given_names")).to_have_attribute("aria-invalid", "true")


def test_each_copy_button_says_what_it_copies(page: Page) -> None:
    # Every button was called "Copy": a screen reader could not tell the banks apart.
    show_names(page, "Zhang", "San", "ICBC", "BOC")
    names = page.locator(".card button.quiet").evaluate_all(
        "buttons => buttons.map(b => b.getAttribute('aria-label'))"
    )
    assert "Copy ZHANG SAN, the name to type at Industrial and Commercial Bank of China" in names
    assert "Copy SAN ZHANG, the name to type at Bank of China" in names


def test_a_refused_name_input_is_said_and_marked(page: Page) -> None:
    page.fill("#surname", "Sm1th")
    page.fill("#given_names", "John")
    page.click("#show")
    expect(page.locator("#name-error")).to_contain_text("'1'")
    expect(page.locator("#surname")).to_have_attribute("aria-invalid", "true")
    page.click("#lang")
    expect(page.locator("#name-error")).to_contain_text("请只输入姓名")


def test_the_chinese_switch(page: Page) -> None:
    show_names(page, "Zhang", "San", "ICBC", "BOC")
    page.click("#lang")
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    expect(page.locator("h1")).to_have_text("您的银行预留姓名")
    expect(page.locator("label[for=surname]")).to_have_text("姓")
    card = page.locator(".card[data-bank=ICBC]")
    expect(card.locator("h3")).to_contain_text("中国工商银行")
    expect(card.locator(".type-this")).to_have_text("请输入")
    expect(card.locator(".badge")).to_have_text("有资料可查")
    expect(page.locator("#plan")).to_contain_text("实名认证")
    expect(page.locator("#lang")).to_have_text("English")
    page.click("#lang")
    expect(page.locator("h1")).to_have_text("The name your bank holds")
    expect(card.locator(".type-this")).to_have_text("Type this")


def test_a_chinese_browser_gets_the_chinese_page(browser: Browser, server: Server) -> None:
    page = open_page(browser, server, locale="zh-CN")
    expect(page.locator("h1")).to_have_text("您的银行预留姓名")
    expect(page.locator("#show")).to_have_text("显示应输入的姓名")
    page.context.close()


def test_keyboard_alone(page: Page) -> None:
    page.keyboard.press("Tab")
    expect(page.locator("#lang")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#surname")).to_be_focused()
    page.keyboard.type("Zhang")
    page.keyboard.press("Tab")
    page.keyboard.type("San")
    page.keyboard.press("Enter")
    expect(page.locator("#results-title")).to_be_focused()
    expect(page.locator(".card[data-bank=ABC] .expected .name-text")).to_have_text("ZHANGSAN")


@pytest.mark.parametrize("locale", ["en-GB", "zh-CN"])
def test_phone_width_screenshot(browser: Browser, server: Server, locale: str) -> None:
    page = open_page(browser, server, locale=locale, viewport=PHONE)
    show_names(page, "Zhang", "San", "ICBC", "BOC")
    page.locator(".card[data-bank=ICBC] .others summary").click()
    page.select_option("#check-bank", "ICBC")
    page.fill("#entered", "ZHANG SAM")
    page.click("#check")
    expect(page.locator("#check-result .forms li")).not_to_have_count(0)
    # Nothing wider than the phone: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # Nor for a long name at a bank that writes no space (one long word in the verdict, the
    # problems and the plan).
    page.uncheck("#bank-list input[value=BOC]")
    show_names(page, "Papadopoulos", "Konstantinos Alexandros", "ICBC", "ABC")
    page.select_option("#check-bank", "ABC")
    page.fill("#entered", "PAPADOPOULOS KONSTANTINOS ALEXANDROS")
    page.click("#check")
    expect(page.locator("#check-result .problems li")).not_to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"page-phone-width-{locale}.png"
    page.screenshot(path=str(shot), full_page=True)
    print(f"screenshot: {shot}")
    assert shot.stat().st_size > 10_000
    assert page.problems == []  # type: ignore[attr-defined]
    page.context.close()


def test_a_banks_source_opened_at_phone_width_does_not_scroll_sideways(
    browser: Browser, server: Server
) -> None:
    """BOC's source holds a long web address: opened, it made the page 1,252 px wide at 360."""
    page = open_page(browser, server, viewport=PHONE)
    show_names(page, "Zhang", "San", "BOC")
    for summary in page.locator(".card details summary").all():
        summary.click()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.problems == []  # type: ignore[attr-defined]
    page.context.close()


def test_the_focus_goes_to_the_answer_or_to_the_field_at_fault(page: Page) -> None:
    """A disabled button lost the focus it held: after Check, or a refusal, the focus was on the
    page's body and the next Tab started again from the top."""
    page.fill("#surname", "Zhang")
    page.fill("#given_names", "San")
    page.select_option("#check-bank", "ICBC")
    page.fill("#entered", "ZHANG SAM")
    page.focus("#check")
    page.keyboard.press("Space")
    expect(page.locator("#check-result .verdict")).to_be_focused()
    page.fill("#surname", "Sm1th")
    page.focus("#show")
    page.keyboard.press("Enter")
    expect(page.locator("#name-error")).not_to_be_hidden()
    expect(page.locator("#surname")).to_be_focused()


def test_copying_is_said_to_a_screen_reader_and_every_form_has_its_button(page: Page) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    show_names(page, "Zhang", "San", "ICBC")
    page.locator(".card[data-bank=ICBC] .expected button").click()
    expect(page.locator("#copy-status")).to_have_attribute("role", "status")
    expect(page.locator("#copy-status")).to_have_text(re.compile("Copied|Selected"))
    # The forms to try next have a Copy button each, named by the form, its rank and the bank.
    page.locator(".card[data-bank=ICBC] .others summary").click()
    labels = page.locator(".card[data-bank=ICBC] .forms button").evaluate_all(
        "buttons => buttons.map(b => b.getAttribute('aria-label'))"
    )
    assert "Copy Zhang San, form 2 at Industrial and Commercial Bank of China" in labels
    assert len(labels) == page.locator(".card[data-bank=ICBC] .forms li").count()


def test_opening_an_empty_chinese_box_keeps_the_results(page: Page) -> None:
    """Opening the box, nothing typed in it, took the answers away without a word."""
    show_names(page, "Zhang", "San", "ICBC")
    page.locator("#chinese-box summary").click()
    page.wait_for_function("document.getElementById('chinese-box').open")
    page.wait_for_timeout(300)  # the toggle event comes after the box opens
    assert page.locator("#bank-results .card").count() == 1
    assert page.locator("#results").is_visible()


def test_the_characters_of_a_name_are_marked_chinese_on_the_english_page(page: Page) -> None:
    page.locator("#chinese-box summary").click()
    page.fill("#chinese", "覃海洋")
    page.check("#bank-list input[value=ICBC]")
    page.click("#show")
    expect(page.locator('#name-read span[lang="zh-CN"]')).to_have_text("覃海洋")


def test_without_javascript_the_page_says_so_and_keeps_the_name_out_of_the_address(
    browser: Browser, server: Server
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "/")
    expect(page.locator("noscript p").first).to_be_visible()
    assert page.locator("#name-form").get_attribute("method") == "post"
    assert page.locator("#check-form").get_attribute("method") == "post"
    context.close()


def test_a_second_press_while_busy_sends_nothing_more(page: Page) -> None:
    """A busy button is marked, not disabled (it kept the focus): a second press must not ask again."""
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url) if "/v1/" in request.url else None)
    page.fill("#surname", "Zhang")
    page.fill("#given_names", "San")
    page.check("#bank-list input[value=ICBC]")
    page.locator("#show").dblclick()
    expect(page.locator("#bank-results .card")).to_have_count(1)
    page.wait_for_timeout(300)
    assert sum(url.endswith("/v1/format") for url in asked) == 1


def test_the_notes_chinese_characters_are_marked_on_the_english_page(page: Page) -> None:
    page.locator("#chinese-box summary").click()
    page.fill("#chinese", "覃海洋")
    page.check("#bank-list input[value=ICBC]")
    page.click("#show")
    expect(page.locator('#reading-notes span[lang="zh-CN"]').first).to_be_attached()


def test_the_checks_refusal_is_said_before_the_next_forms(page: Page) -> None:
    """Asked at once, the next forms' refusal (named for its field "refused") answered first and
    was said instead of the check's, on a field the page does not have."""
    refusal = {
        "detail": {
            "code": "TOO_LONG",
            "message": "The refused text is too long.",
            "message_zh": "太长。",
            "field": "refused",
        }
    }
    page.route("**/v1/next", lambda route: route.fulfill(status=422, json=refusal))
    page.fill("#surname", "Zhang")
    page.fill("#given_names", "San")
    page.select_option("#check-bank", "ICBC")
    page.fill("#entered", "Z" * 301)
    page.click("#check")
    expect(page.locator("#check-error")).not_to_be_hidden()
    expect(page.locator("#check-error")).not_to_contain_text("The refused text")
    expect(page.locator("#entered")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#entered")).to_be_focused()


def test_the_log_holds_nothing_typed_in_the_page(browser: Browser, server: Server) -> None:
    """Runs last in this module: every name typed above went through this server (so it
    needs the browser, like them)."""
    log = server.log_text()
    assert "POST /v1/check" in log
    assert "check source=fields bank=ICBC" in log
    typed = ("zhang", "eriksson", "anna maria", "ouyang", "欧阳", "sm1th", "zhang sam")
    assert [word for word in typed if word in log.casefold()] == []
