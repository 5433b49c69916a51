"""The Windows version resource, generated from desktop.__version__."""

from __future__ import annotations

from typing import Any

import pytest
import version_info

from desktop import __version__


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("2.0.1rc1", (2, 0, 1, 0)), ("1.2.3.4", (1, 2, 3, 4))],
)
def test_windows_takes_four_numbers(version: str, numbers: tuple[int, int, int, int]) -> None:
    assert version_info.version_tuple(version) == numbers


@pytest.mark.parametrize("version", ["", "v1.0", "1.70000.0"])
def test_what_windows_cannot_hold_is_refused(version: str) -> None:
    with pytest.raises(ValueError, match="version"):
        version_info.version_tuple(version)


def _evaluate(text: str) -> dict[str, Any]:
    """Evaluate the file as PyInstaller does, with recording stand-ins for its classes."""

    def record(kind: str) -> Any:
        return lambda *args, **kwargs: {"kind": kind, "args": args, **kwargs}

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo"]
    scope: dict[str, Any] = {name: record(name) for name in [*names, "VarStruct"]}
    result: dict[str, Any] = eval(text, scope)
    return result


def test_the_resource_carries_the_package_version_and_chinese_names() -> None:
    text = version_info.version_file_text(__version__, internal_name="zs-trade-cli", description="自评（命令行）")
    resource = _evaluate(text)
    fixed = resource["ffi"]
    assert fixed["filevers"] == fixed["prodvers"] == version_info.version_tuple(__version__)
    table = resource["kids"][0]["args"][0][0]
    assert table["args"][0] == "080404B0"  # Chinese (PRC), Unicode
    strings = {s["args"][0]: s["args"][1] for s in table["args"][1]}
    assert strings["FileVersion"] == strings["ProductVersion"] == __version__
    assert strings["OriginalFilename"] == "zs-trade-cli.exe"
    assert strings["FileDescription"] == "自评（命令行）"
