"""Prints a small, deterministic report so the real-build test can compare the output of the
single-stage image with that of the converted multi-stage image."""

import json
import statistics

READINGS = {"kitchen": [20.5, 21.0, 21.5], "garden": [12.0, 14.5, 13.0]}


def main() -> None:
    print("sensors: hello from Python")
    report = {room: round(statistics.mean(values), 2) for room, values in sorted(READINGS.items())}
    print(json.dumps(report, sort_keys=True))


if __name__ == "__main__":
    main()
