#!/usr/bin/env python3
"""How fast `coursemap serve` brings a large site up to date after an edit (issue 7, GUIDE §6).

    scripts/bench/serve-rebuild.py [--modules N] [--edits K] [--coursemap BIN]

Copies the benchmark corpus of N modules (made by make-corpus.py, cached like run.sh does) to a scratch
folder, starts `coursemap serve` on it, listens to the live-reload event stream like an open browser page,
then makes K edits of each kind and measures, for each edit:

  - rebuild: the time `serve` reports for the rebuild itself ("rebuilt in N ms": re-reading the changed
    file, rendering the affected pages, writing the ones that changed);
  - edit → reload: from the moment the edited file is written to the moment the `reload` event reaches the
    listener. This adds the file watcher's 50 ms quiet period and event delivery.

Edit kinds: "text" appends a sentence to a module's body (what a teacher does most); "title" changes a
module's Chinese title (the module's course, its requirements and the reports change too).
Prints the median and the slowest of each. Python 3 standard library only.
"""
import argparse, http.client, os, pathlib, random, re, shutil, statistics, subprocess, sys, tempfile, threading, time

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
    """An open page: reads the server-sent events and notes when each `reload` arrives."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port = port
        self.reloads = []
        self.condition = threading.Condition()

    def run(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port)
        connection.request("GET", "/__coursemap/events")
        response = connection.getresponse()
        event = None
        while True:
            line = response.fp.readline()
            if not line:
                return
            line = line.decode().rstrip("\r\n")
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line == "" and event:
                if event == "reload":
                    with self.condition:
                        self.reloads.append(time.monotonic())
                        self.condition.notify_all()
                event = None

    def wait_reload(self, count, timeout=60):
        with self.condition:
            if not self.condition.wait_for(lambda: len(self.reloads) >= count, timeout):
                raise SystemExit("serve-rebuild: no reload event within %d s" % timeout)
            return self.reloads[count - 1]


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
        reloads = 0
        for kind in ("text", "title"):
            latencies, rebuilds = [], []
            for edit in range(args.edits):
                module = chooser.choice(modules)
                text = module.read_text(encoding="utf-8")
                if kind == "text":
                    text += "\n补充说明第 %d 条：请对照数据复核结论。\n" % edit
                else:
                    text = re.sub(r"(title:\n  zh: )", r"\1修订", text, count=1)
                log.seek(0, os.SEEK_END)
                mark = log.tell()
                written = time.monotonic()
                module.write_text(text, encoding="utf-8")
                reloads += 1
                arrived = listener.wait_reload(reloads)
                latencies.append((arrived - written) * 1000)
                time.sleep(0.3)  # let the log line land and the watcher go quiet
                log.seek(mark)
                reported = re.findall(r"rebuilt in (\d+) ms", log.read())
                if reported:
                    rebuilds.append(int(reported[0]))
            results[kind] = (rebuilds, latencies)
    finally:
        serve.terminate()
        serve.wait(timeout=10)
        log.close()

    version = subprocess.run([args.coursemap, "--version"], capture_output=True, text=True).stdout.strip()
    print("coursemap %s; %d modules; nproc %d; first build and start %.1f s" % (version, args.modules, os.cpu_count(), first_build))
    print("%-6s %6s %16s %14s %20s %18s" % ("edit", "edits", "rebuild median", "rebuild max", "edit→reload median", "edit→reload max"))
    for kind, (rebuilds, latencies) in results.items():
        print("%-6s %6d %13.0f ms %11.0f ms %17.0f ms %15.0f ms" % (
            kind, len(latencies), statistics.median(rebuilds) if rebuilds else float("nan"), max(rebuilds) if rebuilds else float("nan"),
            statistics.median(latencies), max(latencies)))
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
