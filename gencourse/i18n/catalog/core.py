"""Set-up, run modes, data and figures shared by every lesson."""

MESSAGES = {
    # Set-up and run modes.
    "mode.quick": {
        "ko": "빠른 모드(CI용, 아주 작은 크기)",
        "en": "quick mode (for CI, tiny sizes)",
    },
    "mode.full": {"ko": "전체 모드", "en": "full mode"},
    "setup.ready": {
        "ko": "준비 완료: {mode}, Keras 백엔드 {backend}",
        "en": "Ready: {mode}, Keras backend {backend}",
    },
    "setup.elapsed": {
        "ko": "이 노트북을 여기까지 실행하는 데 {minutes:.1f}분이 걸렸습니다 ({mode}).",
        "en": "Running this notebook up to here took {minutes:.1f} minutes ({mode}).",
    },
    # Data.
    "data.offline": {
        "ko": (
            "데이터셋 '{name}'을(를) 내려받을 수 없습니다(오프라인이거나 서버에 연결할 수 없음). "
            "다음 중 하나를 하세요: (1) 인터넷에 연결된 상태에서 한 번 실행해 Keras 캐시({cache})에 "
            "저장하기, (2) x_train, y_train, x_test, y_test 배열이 든 .npz 파일을 받아 "
            "load('{name}', path='파일 경로')로 지정하기, (3) 내장 데이터셋({embedded}) 사용하기."
        ),
        "en": (
            "Cannot download the data set '{name}' (offline, or the server is unreachable). "
            "Do one of these: (1) run once while online so that Keras caches it in {cache}; "
            "(2) get an .npz file holding x_train, y_train, x_test, y_test and pass it as "
            "load('{name}', path='path/to/file.npz'); (3) use an embedded data set ({embedded})."
        ),
    },
    # Figures.
    "fig.original": {"ko": "원본", "en": "original"},
    "fig.reconstruction": {"ko": "재구성", "en": "reconstruction"},
    "fig.latent_grid": {
        "ko": "잠재 공간 격자점에서 디코더가 만든 이미지",
        "en": "Decoder outputs over a grid of the latent space",
    },
    "fig.latent_scatter": {
        "ko": "테스트 이미지별 잠재 평균 z_mean (색: 숫자)",
        "en": "Latent means of held-out images (colour: digit)",
    },
    "fig.digit": {"ko": "숫자", "en": "digit"},
    "fig.train": {"ko": "훈련", "en": "training"},
    "fig.held_out": {"ko": "테스트", "en": "held-out"},
    "fig.epoch": {"ko": "에포크", "en": "epoch"},
    "metric.loss": {"ko": "전체 손실", "en": "total loss"},
    "metric.reconstruction_loss": {"ko": "재구성 손실", "en": "reconstruction loss"},
    "metric.kl_loss": {"ko": "KL 발산", "en": "KL divergence"},
    "metric.d_loss": {"ko": "판별자 손실", "en": "discriminator loss"},
    "metric.g_loss": {"ko": "생성자 손실", "en": "generator loss"},
    "metric.d_real": {"ko": "진짜 이미지에 대한 D(x)", "en": "D(x) on real images"},
    "metric.d_fake": {"ko": "가짜 이미지에 대한 D(G(z))", "en": "D(G(z)) on fake images"},
    "metric.d_real_points": {"ko": "진짜 점에 대한 D(x)", "en": "D(x) on real points"},
    "metric.d_fake_points": {"ko": "가짜 점에 대한 D(G(z))", "en": "D(G(z)) on fake points"},
    "metric.d_mismatched": {
        "ko": "틀린 레이블 쌍에 대한 D",
        "en": "D on mismatched pairs",
    },
    "fig.gan_losses": {"ko": "손실", "en": "losses"},
    "fig.gan_outputs": {"ko": "판별자의 평균 출력", "en": "the discriminator's mean output"},
    "fig.one_half": {"ko": "1/2 (균형점)", "en": "1/2 (equilibrium)"},
}
