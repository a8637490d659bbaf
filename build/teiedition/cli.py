"""The `edition` command: thin subcommands that call one function each and print the result.

Exit codes: 0 ok, 1 invalid input, 2 usage, 3 environment."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

from . import __version__
from .exceptions import EnvironmentProblem, TeieditionError, ValidationFailed
from .problems import ERROR, summary

DEFAULT_TEI = Path("tei")
DEFAULT_OUT = Path("output")


def base_url(value: str) -> str:
    """A public address for --base-url, checked as edition.toml's base_url is."""
    from .config import web_address

    try:
        return web_address(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def port(value: str) -> int:
    """A TCP port for --port: 1 to 65535, or 0 for any free one."""
    try:
        number = int(value)
    except ValueError:
        number = -1
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port — give a number from 1 to 65535 (0: any free port), e.g. --port 8001")
    return number


def jobs(value: str) -> int:
    """A number of worker processes for --jobs: 1 or more."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of jobs — give 1 or more, e.g. --jobs 2 (default: one per core)")
    return number


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="edition", description="Build a scholarly digital edition from TEI P5.")
    top.add_argument("--version", action="version", version=f"teiedition {__version__}")
    top.add_argument("--debug", action="store_true", help="show a traceback for unexpected errors")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check the edition against its schema and rules")
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                          help="files or edition folders to check (default: tei/)")

    build = commands.add_parser("build", help="validate, then write the edition into output/")
    build.add_argument("--tei", type=Path, default=None, help="the edition folder (default: tei/)")
    build.add_argument("--out", type=Path, default=None, help="the output folder (default: output/)")
    build.add_argument("--base-url", type=base_url, default=None, metavar="URL",
                       help="the public address the site will have (for canonical links and the sitemap)")
    # the settings of edition.toml: a flag given overrides the file (None: not given)
    build.add_argument("--trim", choices=["royal-octavo", "a4"], default=None,
                       help="the book's page size (default: royal octavo, 156 × 234 mm)")
    build.add_argument("--language", default=None, metavar="CODE",
                       help="the language of the labels and dates, e.g. de (default: the edition's xml:lang)")
    build.add_argument("--no-pdf", dest="pdf", action="store_false", default=None, help="write the HTML edition only")
    build.add_argument("--no-search", dest="search", action="store_false", default=None, help="make no search index")
    build.add_argument("--strict", action="store_true", default=None, help="treat warnings as errors: write nothing if there is any")
    build.add_argument("--quiet", action="store_true", help="show no progress while building (it is shown only on a terminal anyway)")
    build.add_argument("--profile", action="store_true", help="print the time each stage took")
    build.add_argument("--jobs", type=jobs, default=None, metavar="N",
                       help="worker processes to share the work (default: one per core, but none for the HTML alone "
                            "of fewer than 200 documents; 1: all in this process)")
    build.add_argument("--scheduler", default=None, metavar="ADDRESS",
                       help="send the per-document work to the Dask cluster whose scheduler is at ADDRESS, "
                            "e.g. tcp://10.0.0.5:8786 (needs teiedition[cluster])")

    init = commands.add_parser("init", help="start a new edition in DIR: a sample document, empty registers, the schema, a README")
    init.add_argument("folder", type=Path, metavar="DIR", help="the new edition's folder (created; must be empty if it exists)")
    init.add_argument("--language", default="en", metavar="CODE", help="the language of the starter's texts and of its site, e.g. de (default: en)")

    serve = commands.add_parser("serve", help="build the HTML, serve it on 127.0.0.1 and rebuild on every change")
    serve.add_argument("--tei", type=Path, default=None, help="the edition folder (default: tei/)")
    serve.add_argument("--out", type=Path, default=None, help="the output folder (default: output/)")
    serve.add_argument("--port", type=port, default=8000, help="the port to listen on (default: 8000)")
    return top


def settings(args: argparse.Namespace, tei: Path):
    """The edition's edition.toml with the flags given on the command line in its place."""
    from .config import load
    from .edition import find_root

    flags = {key: getattr(args, key, None) for key in ("base_url", "language", "trim", "pdf", "search", "strict")}
    return load(find_root(tei)).model_copy(update={key: value for key, value in flags.items() if value is not None})


def run_validate(args: argparse.Namespace) -> int:
    from .validation import validate_paths

    started = time.perf_counter()
    for path in args.paths or [DEFAULT_TEI]:
        if path.exists():  # a missing path is validation's to report
            settings(args, path)  # a mistake in edition.toml is reported before anything is read
    problems, files = validate_paths(args.paths or [DEFAULT_TEI])
    for problem in problems:
        print(problem)
    print(f"{summary(problems, files)} ({time.perf_counter() - started:.2f} s)")
    return 1 if any(problem.severity == ERROR for problem in problems) else 0


def say(message: str) -> None:
    """A word to the user while a command runs, on stderr so that output stays clean."""
    print(f"edition: {message}", file=sys.stderr, flush=True)


def check_source_date() -> None:
    """SOURCE_DATE_EPOCH, when it is a number, must be a moment the build can date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        try:
            datetime.fromtimestamp(int(epoch), timezone.utc)
        except (OverflowError, OSError, ValueError) as err:
            raise EnvironmentProblem(f"SOURCE_DATE_EPOCH={epoch} is not a date this build can use ({err}) "
                                     "— give the seconds since 1970 (as `date +%s` prints them), or unset it") from err


def run_build(args: argparse.Namespace) -> int:
    from .build import build
    from .progress import Progress

    check_source_date()
    progress = Progress(quiet=args.quiet)
    tei = args.tei or DEFAULT_TEI
    config = settings(args, tei)
    report = build(tei, args.out or DEFAULT_OUT, base_url=config.base_url, trim=config.trim, pdf=config.pdf,
                   strict=config.strict, search=config.search, language=config.language, labels=config.labels,
                   waiting=say, progress=progress, jobs=args.jobs, scheduler=args.scheduler)
    print(report)
    if args.profile:
        print("\n".join(progress.profile()))
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from .build import build
    from .resources import resource
    from .serve import serve

    check_source_date()
    tei, out = args.tei or DEFAULT_TEI, args.out or DEFAULT_OUT
    config = settings(args, tei)
    # the HTML only: an editor waiting for the page to reload should not wait for the book
    options = {"base_url": config.base_url, "search": config.search, "language": config.language, "labels": config.labels}
    serve(out / "html", [tei, resource("xslt"), resource("templates"), resource("locale")], lambda: print(build(tei, out, pdf=False, **options), flush=True), args.port)
    return 0


def run_init(args: argparse.Namespace) -> int:
    from .scaffold import create

    for line in create(args.folder, args.language):
        print(line)
    return 0


COMMANDS = {"validate": run_validate, "build": run_build, "serve": run_serve, "init": run_init}


#: The signals that end a command: Ctrl-C, and SIGTERM as `timeout`, CI runners and systemd send it.
STOPPING = (signal.SIGINT, signal.SIGTERM)


def stop(number: int, frame: object) -> None:
    """Ctrl-C or SIGTERM ends a command: staged output is cleared, the previous kept. The
    signal often comes more than once (to each process of the group, and again through a
    runner that forwards it, such as `uv run`): the repeats are ignored while the command
    cleans up, which they would cut short (a worker pool half-terminated waits for ever)."""
    for other in STOPPING:
        # a handler, not SIG_IGN: workers started now (the pool replaces those the signal killed)
        # would inherit SIG_IGN, ignore the pool's own SIGTERM, and never be joined
        signal.signal(other, repeated)
    raise KeyboardInterrupt


def repeated(number: int, frame: object) -> None:
    """A stop signal after the first: the command is already stopping."""


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show a character gets an escape, not a crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    main_thread = threading.current_thread() is threading.main_thread()
    previous = {number: signal.signal(number, stop) for number in STOPPING} if main_thread else {}
    stopped = False
    try:
        return COMMANDS[args.command](args)
    except ValidationFailed as failed:
        for problem in failed.problems:
            print(problem, file=sys.stderr)
        print(summary(failed.problems, failed.files), file=sys.stderr)
        return failed.exit_code
    except TeieditionError as err:
        print(f"edition: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        stopped = True
        out = getattr(args, "out", None) or (DEFAULT_OUT if args.command in ("build", "serve") else None)
        # the swap is never cut: the output is the previous build's, or this one's if it had got that far
        print(f"edition: interrupted; {out}/ holds the last complete build, whole" if out else "edition: interrupted", file=sys.stderr)
        return 130
    except Exception:
        if args.debug:
            raise
        print("edition: internal error — run again with --debug and report the traceback", file=sys.stderr)
        return 3
    finally:
        # after a stop, the repeats of the signal may still be on their way, and would kill the
        # process on its way out (exit -15, not 130): they are ignored now that no worker is left
        # to inherit that (Python puts back the default for its own handlers as it exits, not SIG_IGN)
        if stopped:
            for number in STOPPING:
                signal.signal(number, signal.SIG_IGN)
        else:
            for number, handler in previous.items():
                signal.signal(number, handler)


if __name__ == "__main__":
    sys.exit(main())
