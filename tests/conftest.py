"""Shared fixtures. Logic tests read the fixture bank file, never data/banks.csv."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from wxpay_names import Bank, BankRegistry

FIXTURES = Path(__file__).parent / "fixtures"

settings.register_profile(
    "default",
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("default")


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line's default language follows the locale: tests start from an English one."""
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(scope="session")
def registry() -> BankRegistry:
    """The four seed banks (ICBC, ABC, CMB, BOC) and TEST, a bank with a 12-character field."""
    return BankRegistry.from_csv(FIXTURES / "banks.csv")


@pytest.fixture(scope="session")
def fixture_banks(registry: BankRegistry) -> tuple[Bank, ...]:
    return registry.banks


@pytest.fixture(scope="session")
def icbc(registry: BankRegistry) -> Bank:
    return registry.get("ICBC")


@pytest.fixture(scope="session")
def abc(registry: BankRegistry) -> Bank:
    return registry.get("ABC")


@pytest.fixture(scope="session")
def cmb(registry: BankRegistry) -> Bank:
    return registry.get("CMB")


@pytest.fixture(scope="session")
def boc(registry: BankRegistry) -> Bank:
    return registry.get("BOC")
