"""The CLI builds only the parser of the subcommand it runs (issue 11 item 4)."""

from __future__ import annotations

import argparse
import importlib

import pytest

from app import cli


def _registered_by(module: str) -> set[str]:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    importlib.import_module(module).register(sub, cli._common_parser())
    return set(sub.choices)


def test_the_command_table_is_what_each_module_registers() -> None:
    table: dict[str, str] = {}
    for module in cli.FEATURE_MODULES:
        for name in _registered_by(module):
            table[name] = module
    assert table == cli.COMMANDS
    assert not set(table) & cli.BUILT_IN


@pytest.mark.parametrize(
    ("argv", "modules"),
    [
        (["search", "x"], ()),
        (["--db", "k.db", "search", "x"], ()),
        ([], ()),  # the window
        (["--db", "k.db"], ()),
        (["gui"], ()),
        (["contact", "list"], ("app.record_commands",)),
        (["--db", "brief", "brief", "org", "1"], ("app.briefing.commands",)),
        (["--debug", "import", "f.xlsx"], ("app.importing.commands",)),
        (["--help"], cli.FEATURE_MODULES),
        (["no-such-command"], cli.FEATURE_MODULES),
    ],
)
def test_feature_modules_for_a_command_line(argv: list[str], modules: tuple[str, ...]) -> None:
    assert cli.feature_modules(argv) == modules


def test_a_lazily_built_parser_parses_as_the_whole_one() -> None:
    argv = ["contact", "list", "--db", "k.db", "--json"]
    lazy, whole = cli.build_parser(argv).parse_args(argv), cli.build_parser().parse_args(argv)
    assert vars(lazy) == vars(whole)
    built = cli.build_parser(["search", "x"])
    choices = next(a for a in built._actions if isinstance(a, argparse._SubParsersAction)).choices
    assert set(choices) == cli.BUILT_IN


def test_help_still_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    for name in ("search", "import", "brief", "letter", "copy-db"):
        assert name in out
