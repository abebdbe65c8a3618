import sys

from gencourse.cli import main

sys.exit(main())
