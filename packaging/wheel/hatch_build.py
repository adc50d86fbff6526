"""Tags pooltop's wheel for the platform its binaries were built for.

The binaries are native code, so the wheel is not pure Python: its tag is `py3-none-` and the
manylinux platform scripts/dist measured from the glibc symbol versions the binaries need
(POOLTOP_WHEEL_PLATFORM, e.g. manylinux_2_34_x86_64).
"""

import os

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):
    """Sets the wheel's tag from POOLTOP_WHEEL_PLATFORM."""

    def initialize(self, version: str, build_data: dict) -> None:
        platform = os.environ.get("POOLTOP_WHEEL_PLATFORM")
        if not platform:
            raise RuntimeError("POOLTOP_WHEEL_PLATFORM is not set: build the wheel with scripts/dist")
        build_data["pure_python"] = False
        build_data["tag"] = f"py3-none-{platform}"
