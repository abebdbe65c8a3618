"""Experiment grids at scale (gencourse.grid): what the command line says when a grid stops."""

MESSAGES = {
    "grid.interrupted": {
        "ko": "중단됨: 실험 칸 {total}개 가운데 {finished}개가 끝나 {folder}에 저장되어 있습니다. 같은 명령을 다시 실행하면 이어서 계산합니다.",
        "en": "Stopped: {finished} of {total} cells finished and are saved in {folder}; run the same command again to resume.",
    },
}
