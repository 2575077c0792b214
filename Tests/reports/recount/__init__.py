"""An independent recount of Coursemap's coverage reports, written from docs/coverage.md (and
docs/content.md, docs/exercises.md, docs/lectures.md) only: none of Coursemap's code is read or imported.

- `content`: reads a content folder with PyYAML and ElementTree into plain values;
- `rules`: applies the rules of docs/coverage.md to them, in exact integers (hundredths, tenths);
- `edits`: edited copies of the shipped content (a second level, a second certificate, a revision …);
- `outputs`: reads what Coursemap wrote (coverage.json, coverage.csv, the HTML report, the CLI) for comparison.
"""
