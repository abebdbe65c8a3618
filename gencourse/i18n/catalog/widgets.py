"""The interactive widgets and the live training view (gencourse.widgets, gencourse.callbacks)."""

MESSAGES = {
    "widget.latent_title": {
        "ko": "잠재 공간 탐색기: 슬라이더로 잠재 벡터 z를 움직여 보세요",
        "en": "Latent explorer: move the latent vector z with the sliders",
    },
    "widget.decoded": {
        "ko": "z = ({z0:.2f}, {z1:.2f})에서 디코더가 만든 이미지",
        "en": "What the decoder makes of z = ({z0:.2f}, {z1:.2f})",
    },
    "widget.map_title": {
        "ko": "잠재 공간 지도 (빨간 표시: 지금의 z)",
        "en": "The latent map (red marker: the current z)",
    },
    "widget.interp_title": {
        "ko": "두 노이즈 벡터 사이 보간: t를 움직여 보세요",
        "en": "Interpolating between two noise vectors: move t",
    },
    "widget.seed_a": {"ko": "시드 A", "en": "seed A"},
    "widget.seed_b": {"ko": "시드 B", "en": "seed B"},
    "widget.interp_caption": {
        "ko": "t = {t:.2f}: 시드 {a}의 노이즈 벡터(t = 0)와 시드 {b}의 노이즈 벡터(t = 1) "
        "사이에서 만든 이미지",
        "en": "t = {t:.2f}: made from a point between the noise vectors of seed {a} (t = 0) "
        "and seed {b} (t = 1)",
    },
    "widget.path": {
        "ko": "시드 {a}에서 시드 {b}까지 {n}단계",
        "en": "From seed {a} to seed {b} in {n} steps",
    },
    "widget.class": {"ko": "숫자", "en": "digit"},
    "widget.seed": {"ko": "시드", "en": "seed"},
    "widget.reroll": {"ko": "다시 뽑기", "en": "re-roll"},
    "widget.picker_caption": {
        "ko": "숫자 {label}: 조건부 GAN이 만든 이미지 {n}개 (노이즈 시드 {seed})",
        "en": "{n} images the conditional GAN made for the digit {label} (noise seed {seed})",
    },
    "live.title": {"ko": "훈련 진행 상황", "en": "Training progress"},
    "live.start": {
        "ko": "훈련 시작: {epochs} 에포크",
        "en": "Training starts: {epochs} epochs",
    },
    "live.status": {
        "ko": "에포크 {epoch}/{epochs} · {values} · {seconds:.0f}초",
        "en": "epoch {epoch}/{epochs} · {values} · {seconds:.0f} s",
    },
    "live.done": {
        "ko": "훈련 끝: {epochs} 에포크, {seconds:.0f}초",
        "en": "Training done: {epochs} epochs in {seconds:.0f} s",
    },
    "live.losses": {"ko": "손실 (로그 눈금)", "en": "losses (log scale)"},
    "live.samples": {
        "ko": "고정된 잠재 벡터에서 만든 샘플 (에포크 {epoch})",
        "en": "Samples from fixed latent vectors (epoch {epoch})",
    },
    "live.samples_noise": {
        "ko": "고정된 노이즈 벡터에서 만든 샘플 (에포크 {epoch})",
        "en": "Samples from fixed noise vectors (epoch {epoch})",
    },
}
