"""Figure texts of lesson 03's toy GANs (gencourse.viz)."""

MESSAGES = {
    # gencourse.alt_text: a figure's alternative text (its titles, else its axis labels).
    "alt.figure": {"ko": "그림: {body}", "en": "Figure: {body}"},
    "alt.panels": {"ko": "패널 {n}개", "en": "{n} panels"},
    "fig.d_star_title": {
        "ko": "훈련된 판별자와 최적 판별자 D*",
        "en": "The trained discriminator and the optimal one, D*",
    },
    "fig.d_star_formula": {"ko": "D* (공식)", "en": "D* (formula)"},
    "fig.d_trained": {"ko": "훈련된 D", "en": "trained D"},
    "fig.toy_after_title": {
        "ko": "훈련 후: 생성자 샘플의 분포와 판별자 출력",
        "en": "After training: the generator's samples and the discriminator's output",
    },
    "fig.generator_samples": {"ko": "생성자 샘플", "en": "generator samples"},
    "fig.saturating": {"ko": "포화: log(1 - D(G(z)))", "en": "saturating: log(1 - D(G(z)))"},
    "fig.non_saturating": {"ko": "비포화: -log D(G(z))", "en": "non-saturating: -log D(G(z))"},
    "fig.steep_title": {
        "ko": "D(G(z))가 0 근처일 때 어느 쪽이 가파른가?",
        "en": "Which one is steep when D(G(z)) is near 0?",
    },
    "fig.real": {"ko": "진짜", "en": "real"},
    "fig.generated": {"ko": "생성", "en": "generated"},
    "fig.ring_coverage": {
        "ko": "찾은 모드 {found}/{k}, 봉우리 근처 샘플 {near:.0%}",
        "en": "modes found {found}/{k}, samples near a bump {near:.0%}",
    },
    "fig.log_prob_headings": {
        "ko": "실제|모델 샘플|이동|픽셀 섞음|노이즈|빈 이미지",
        "en": "real|model sample|shifted|shuffled|noise|blank",
    },
    "fig.log_prob_title": {
        "ko": "이미지 위의 값: 생성 모델의 log p(x)",
        "en": "The generative model's log p(x) above each image",
    },
}
