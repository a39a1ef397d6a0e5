/**
 * `--help` and `-h` ask for help only where a flag can stand: as the value of a flag they are that value,
 * so a gate asked for is never replaced by help and exit 0.
 */
import { parseCommandLine } from "../../provider/cli/args";

test.each([
  [["wait", "--workflow-id", "w", "--execution-id", "-h"]],
  [["get", "--execution-id", "-h", "--workflow-id", "w"]],
  [["wait", "--workflow-id", "-h", "--execution-id", "e"]],
])("%j is not a request for help", (argv) => {
  expect(parseCommandLine(argv).kind).toBe("run");
});

test.each([
  [["wait", "--help"]],
  [["wait", "--workflow-id", "w", "-h"]],
  [["get", "--full-history", "--help"]],
  [["get", "--execution-id", "--help"]],
])("%j asks for help", (argv) => {
  expect(parseCommandLine(argv)).toEqual({ kind: "help", command: argv[0] });
});
