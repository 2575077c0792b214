"""The benchmark's memory probe (scripts/bench/memory-probe.py): how it reads a run, and that it runs."""
import importlib.util
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts/bench/memory-probe.py"


def probe():
    spec = importlib.util.spec_from_file_location("memory_probe", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_summary_finds_where_memory_gets_dearer():
    # 16 chunks of 128 MB at about 1.8 µs a page, then 8 at about 10.8: the first 2 GB came cheap.
    costs = [2.5, 1.9] + [1.8] * 14 + [6.9, 10.9, 10.8, 10.7, 11.0, 10.8, 10.9, 10.6]
    assert probe().summary(costs) == (
        "first touch of 3.0 GB: the first 2.0 GB at 1.80 µs a page, the other 1.0 GB at 10.80 µs a page")


def test_summary_of_even_costs_names_one_price():
    costs = [0.31, 0.30, 0.29, 0.30, 0.33, 0.30, 0.30, 0.31]
    assert probe().summary(costs) == "first touch of 1.0 GB: 0.30 µs a page throughout"


def test_a_rise_below_three_times_the_first_chunks_is_not_a_step():
    costs = [1.0, 1.0, 2.9, 2.9]
    assert "throughout" in probe().summary(costs)


def test_it_measures_one_gigabyte_and_prints_a_chunk_each():
    run = subprocess.run([sys.executable, str(SCRIPT), "1"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    chunks, summary = run.stdout.strip().splitlines()
    assert len(chunks.split(": ")[1].split()) == 8
    assert re.fullmatch(r"memory probe: first touch of 1\.0 GB: .* µs a page.*", summary)


def test_it_refuses_a_size_that_is_not_a_whole_number_of_gigabytes():
    for argument in ["1.5", "-1", "0"]:
        run = subprocess.run([sys.executable, str(SCRIPT), argument], capture_output=True, text=True)
        assert run.returncode == 2
        assert run.stdout == ""
