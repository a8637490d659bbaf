"""The `edition` command: thin subcommands that call one function each and print the result.

Exit codes: 0 ok, 1 invalid input, 2 usage, 3 environment."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import __version__
from .exceptions import TeieditionError, ValidationFailed
from .problems import summary

DEFAULT_TEI = Path("tei")
DEFAULT_OUT = Path("output")


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
    build.add_argument("--base-url", default=None, metavar="URL",
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

    init = commands.add_parser("init", help="start a new edition in DIR: a sample document, empty registers, the schema, a README")
    init.add_argument("folder", type=Path, metavar="DIR", help="the new edition's folder (created; must be empty if it exists)")
    init.add_argument("--language", default="en", metavar="CODE", help="the language of the starter's texts and of its site, e.g. de (default: en)")

    serve = commands.add_parser("serve", help="build the HTML, serve it on 127.0.0.1 and rebuild on every change")
    serve.add_argument("--tei", type=Path, default=None, help="the edition folder (default: tei/)")
    serve.add_argument("--out", type=Path, default=None, help="the output folder (default: output/)")
    serve.add_argument("--port", type=int, default=8000, help="the port to listen on (default: 8000)")
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
    return 1 if problems else 0


def say(message: str) -> None:
    """A word to the user while a command runs, on stderr so that output stays clean."""
    print(f"edition: {message}", file=sys.stderr, flush=True)


def run_build(args: argparse.Namespace) -> int:
    from .build import build
    from .progress import Progress

    progress = Progress(quiet=args.quiet)
    tei = args.tei or DEFAULT_TEI
    config = settings(args, tei)
    report = build(tei, args.out or DEFAULT_OUT, base_url=config.base_url, trim=config.trim, pdf=config.pdf,
                   strict=config.strict, search=config.search, language=config.language, labels=config.labels,
                   waiting=say, progress=progress)
    print(report)
    if args.profile:
        print("\n".join(progress.profile()))
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from .build import build
    from .resources import resource
    from .serve import serve

    tei, out = args.tei or DEFAULT_TEI, args.out or DEFAULT_OUT
    config = settings(args, tei)
    # the HTML only: an editor waiting for the page to reload should not wait for the book
    options = {"base_url": config.base_url, "search": config.search, "language": config.language, "labels": config.labels}
    print(build(tei, out, pdf=False, **options))
    serve(out / "html", [tei, resource("xslt"), resource("templates"), resource("locale")], lambda: print(build(tei, out, pdf=False, **options), flush=True), args.port)
    return 0


def run_init(args: argparse.Namespace) -> int:
    from .scaffold import create

    for line in create(args.folder, args.language):
        print(line)
    return 0


COMMANDS = {"validate": run_validate, "build": run_build, "serve": run_serve, "init": run_init}


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
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
        print("edition: interrupted; output/ is left as it was", file=sys.stderr)
        return 130
    except Exception:
        if args.debug:
            raise
        print("edition: internal error — run again with --debug and report the traceback", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
