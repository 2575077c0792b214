#!/usr/bin/env python3
"""How fast `coursemap serve` brings a large site up to date after an edit (issue 7, GUIDE §6).

    scripts/bench/serve-rebuild.py [--modules N] [--edits K] [--coursemap BIN]

Copies the benchmark corpus of N modules (made by make-corpus.py, cached like run.sh does) to a scratch
folder, starts `coursemap serve` on it, listens to the live-reload event stream like an open browser page,
then makes K edits of each kind and measures, for each edit:

  - rebuild: the time `serve` reports for the rebuild itself ("rebuilt in N ms": re-reading the changed
    file, rendering the pages the edit affects, writing the ones that changed). Pages that sum up the
    whole program (coverage reports, requirement and framework pages, the lists) are not in it: serve
    renders them right after, in its "catch-up";
  - edit → reload: from the moment the edited file is written to the moment the `reload` event that names
    the edited page reaches the listener. This adds the file watcher's 50 ms quiet period and delivery;
  - catch-up: the time serve reports for the pages it left for after the reload ("caught up in N ms");
  - edit → all pages: from the write to the catch-up's `reload` event, when every page is current. The
    catch-up starts 150 ms after the rebuild (a later save would start a new rebuild first).

Edit kinds: "text" appends a sentence to a module's body (what a teacher does most); "title" changes a
module's Chinese title (the module's course, its requirements and the reports change too); "during"
changes a title and then, about 30 ms into the catch-up that follows, the text of another module: its
rebuild and edit → reload are those of the second edit (serve pauses a catch-up for a new edit), and
"catch-up" is the first catch-up, paused or not. Prints the median and the slowest of each, and how many
of the "during" catch-ups were paused. Python 3 standard library only.
"""
import argparse, http.client, json, os, pathlib, random, re, shutil, statistics, subprocess, sys, tempfile, threading, time

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent


def corpus(n, bench_dir):
    folder = bench_dir / str(n)
    stamp = subprocess.run(["sha256sum", str(HERE / "make-corpus.py")], capture_output=True, text=True, check=True).stdout.split()[0]
    marker = folder / ".generator"
    if not marker.exists() or marker.read_text().strip() != stamp:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        subprocess.run([sys.executable, str(HERE / "make-corpus.py"), str(n), str(folder)], check=True)
        marker.write_text(stamp + "\n")
    return folder / "coursemap"


class Listener(threading.Thread):
    """An open page: reads the server-sent events and notes when each `reload` arrives, with the paths it
    names (serve names the changed files; a page reloads when its own file is among them)."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port = port
        self.reloads = []  # (monotonic time, [paths] or None for "every page")
        self.condition = threading.Condition()

    def run(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port)
        connection.request("GET", "/__coursemap/events")
        response = connection.getresponse()
        event, data = None, []
        while True:
            line = response.fp.readline()
            if not line:
                return
            line = line.decode().rstrip("\r\n")
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:"):
                data.append(line[5:].strip())
            elif line == "" and event:
                if event == "reload":
                    try:
                        paths = json.loads("\n".join(data))
                    except ValueError:
                        paths = None
                    with self.condition:
                        self.reloads.append((time.monotonic(), paths if isinstance(paths, list) else None))
                        self.condition.notify_all()
                event, data = None, []

    def wait_reload(self, start, concerns, timeout=60):
        """The index and time of the first reload from index `start` on for which `concerns(paths)` holds."""
        def found():
            for index in range(start, len(self.reloads)):
                if concerns(self.reloads[index][1]):
                    return index
            return None
        with self.condition:
            if not self.condition.wait_for(lambda: found() is not None, timeout):
                raise SystemExit("serve-rebuild: no reload event within %d s" % timeout)
            index = found()
            return index, self.reloads[index][0]


def wait_log(log, mark, pattern, timeout=60):
    """The first match of `pattern` in the log after offset `mark`, waiting for it to be written."""
    deadline = time.monotonic() + timeout
    while True:
        log.seek(mark)
        found = re.search(pattern, log.read())
        if found:
            return found
        if time.monotonic() > deadline:
            raise SystemExit("serve-rebuild: no %r in the log within %d s" % (pattern, timeout))
        time.sleep(0.01)


def edit_during_catch_up(first, second, edit, content, log, listener, rows):
    """Changes `first`'s title, then `second`'s text about 30 ms into the catch-up after that rebuild
    (serve starts it 150 ms after the rebuild). Records the second edit's rebuild and edit → reload, and the
    first catch-up's time; returns 1 if that catch-up was paused, else 0."""
    log.seek(0, os.SEEK_END)
    mark = log.tell()
    first.write_text(re.sub(r"(title:\n  zh: )", r"\1修订", first.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    wait_log(log, mark, r"rebuilt in \d+ ms[^\n]*follow[^\n]*\n")
    seen = time.monotonic()
    log.seek(0, os.SEEK_END)
    mark = log.tell()
    time.sleep(max(0.0, seen + 0.18 - time.monotonic()))
    page = second.relative_to(content).with_suffix(".html").as_posix()
    start = len(listener.reloads)
    written = time.monotonic()
    second.write_text(second.read_text(encoding="utf-8") + "\n补充说明第 %d 条：请对照数据复核结论。\n" % edit, encoding="utf-8")
    arrived = listener.wait_reload(start, lambda paths: paths is None or page in paths)[1]
    rows["reload"].append((arrived - written) * 1000)
    rows["rebuild"].append(int(wait_log(log, mark, r"rebuilt in (\d+) ms").group(1)))
    catch_up = wait_log(log, mark, r"(caught up in|catch-up paused for a new change after) (\d+) ms")
    rows["catch-up"].append(int(catch_up.group(2)))
    if catch_up.group(1).startswith("catch-up paused"):
        log.seek(0, os.SEEK_END)
        wait_log(log, mark, r"caught up in")  # the rest, after the second edit's rebuild
        return 1
    return 0


def summary(values):
    return (statistics.median(values), max(values)) if values else (float("nan"), float("nan"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--modules", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--coursemap", default=os.environ.get("COURSEMAP", str(REPO / ".build/release/coursemap")))
    parser.add_argument("--bench-dir", default=os.environ.get("BENCH_DIR", "/tmp/coursemap-bench"))
    args = parser.parse_args()
    if not os.access(args.coursemap, os.X_OK):
        subprocess.run(["swift", "build", "-c", "release", "--product", "coursemap", "--static-swift-stdlib"], cwd=REPO, check=True)

    source = corpus(args.modules, pathlib.Path(args.bench_dir))
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="coursemap-serve-bench-"))
    content, output = scratch / "Content", scratch / "Site"
    shutil.copytree(source, content)
    log = open(scratch / "serve.log", "w+")
    started = time.monotonic()
    serve = subprocess.Popen([args.coursemap, "serve", "--port", "0", "--content", str(content), "--output", str(output)],
                             stderr=log, stdout=subprocess.DEVNULL)
    try:
        port = None
        while port is None:
            if serve.poll() is not None:
                log.seek(0)
                raise SystemExit("serve-rebuild: coursemap serve exited:\n" + log.read())
            log.seek(0)
            found = re.search(r"http://127\.0\.0\.1:(\d+)/", log.read())
            port = int(found.group(1)) if found else None
            time.sleep(0.05)
        first_build = time.monotonic() - started
        listener = Listener(port)
        listener.start()
        time.sleep(0.5)

        modules = sorted(p for p in content.glob("courses/*/*.md") if p.name != "course.md")
        chooser = random.Random(7)
        results = {}
        paused = 0
        for kind in ("text", "title", "during"):
            rows = {"rebuild": [], "reload": [], "catch-up": [], "all": []}
            for edit in range(args.edits):
                module = chooser.choice(modules)
                if kind == "during":
                    paused += edit_during_catch_up(module, chooser.choice([m for m in modules if m != module]), edit, content, log, listener, rows)
                    time.sleep(0.3)
                    continue
                page = module.relative_to(content).with_suffix(".html").as_posix()
                text = module.read_text(encoding="utf-8")
                if kind == "text":
                    text += "\n补充说明第 %d 条：请对照数据复核结论。\n" % edit
                else:
                    text = re.sub(r"(title:\n  zh: )", r"\1修订", text, count=1)
                log.seek(0, os.SEEK_END)
                mark = log.tell()
                first = len(listener.reloads)
                written = time.monotonic()
                module.write_text(text, encoding="utf-8")
                # The edited page reloads when serve names its file.
                index, arrived = listener.wait_reload(first, lambda paths: paths is None or page in paths)
                rows["reload"].append((arrived - written) * 1000)
                rebuilt = wait_log(log, mark, r"rebuilt in (\d+) ms[^\n]*\n")
                rows["rebuild"].append(int(rebuilt.group(1)))
                if "follow" in rebuilt.group(0):
                    # Pages that sum up the program come next; their reload ends the edit.
                    caught = wait_log(log, mark, r"caught up in (\d+) ms: \d+ summary pages rendered, (\d+) file")
                    rows["catch-up"].append(int(caught.group(1)))
                    done = arrived
                    if int(caught.group(2)) > 0:
                        done = listener.wait_reload(index + 1, lambda paths: True)[1]
                    rows["all"].append((done - written) * 1000)
                else:
                    rows["all"].append((arrived - written) * 1000)
                time.sleep(0.3)  # let the watcher go quiet
            results[kind] = rows
    finally:
        serve.terminate()
        serve.wait(timeout=10)
        log.close()

    version = subprocess.run([args.coursemap, "--version"], capture_output=True, text=True).stdout.strip()
    print("coursemap %s; %d modules; nproc %d; first build and start %.1f s" % (version, args.modules, os.cpu_count(), first_build))
    print("%-6s %5s %18s %20s %18s %22s" % ("edit", "edits", "rebuild med/max", "edit→reload med/max", "catch-up med/max", "edit→all pages med/max"))
    for kind, rows in results.items():
        cells = ["%6.0f / %4.0f ms" % summary(rows[name]) if rows[name] else "%16s" % "-" for name in ("rebuild", "reload", "catch-up", "all")]
        print("%-6s %5d %18s %20s %18s %22s" % (kind, len(rows["rebuild"]), *cells))
    print("during: %d of %d catch-ups paused for the second edit" % (paused, len(results["during"]["rebuild"])))
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
