"""Lesson 01's exercise checks (gencourse.check.generative): cases and hints."""

MESSAGES = {
    "case.sample.random": {
        "ko": "3차원 가우시안에서 샘플 6개",
        "en": "six samples of a 3-D Gaussian",
    },
    "case.sample.one": {"ko": "샘플이 하나뿐인 경우", "en": "a single sample"},
    "case.sample.one_dim": {
        "ko": "1차원 가우시안(k = 1)",
        "en": "a 1-D Gaussian (k = 1)",
    },
    "case.sample.zero_noise": {
        "ko": "노이즈가 모두 0인 경우",
        "en": "noise that is all zeros",
    },
    "case.sample.identity": {
        "ko": "공분산 인자가 단위 행렬인 경우",
        "en": "an identity covariance factor",
    },
    "case.sample.general_factor": {
        "ko": "삼각 행렬이 아닌 일반적인 공분산 인자",
        "en": "a general (not triangular) covariance factor",
    },
    "case.sample.many_dims": {
        "ko": "샘플 수(2)보다 차원(8)이 큰 경우",
        "en": "more dimensions (8) than samples (2)",
    },
    "case.sample.tail_noise": {
        "ko": "노이즈 eps가 분포의 꼬리에 있는 값(±3에서 ±9)인 경우",
        "en": "noise eps far in the tails (±3 to ±9)",
    },
    "case.bayes.random": {
        "ko": "이미지 6장, 클래스 10개의 무작위 로그 가능도",
        "en": "random log-likelihoods of 6 images and 10 classes",
    },
    "case.bayes.one": {"ko": "이미지가 한 장뿐인 경우", "en": "a single image"},
    "case.bayes.two_classes": {"ko": "클래스가 2개뿐인 경우", "en": "only 2 classes"},
    "case.bayes.uniform": {
        "ko": "사전 확률이 모두 같은 경우",
        "en": "equal priors",
    },
    "case.bayes.prior_decides": {
        "ko": "가능도가 거의 같아 사전 확률이 결과를 가르는 경우",
        "en": "nearly equal likelihoods, where the prior decides",
    },
    "case.bayes.digits": {
        "ko": "숫자 이미지처럼 로그 가능도가 +800 안팎으로 큰 경우",
        "en": "large log-likelihoods around +800, as for digit images",
    },
    "case.bayes.noise": {
        "ko": "노이즈 이미지처럼 로그 가능도가 -5000 안팎인 경우",
        "en": "log-likelihoods around -5000, as for noise images",
    },
    "case.bayes.mixed_ranges": {
        "ko": "한 배치에 +800 안팎의 숫자 행과 -5000 안팎의 노이즈 행이 섞인 경우",
        "en": "one batch mixing a digit row near +800 and noise rows near -5000",
    },
    "hint.sample.transposed": {
        "ko": "힌트: 인자 L을 전치된 채로 곱했습니다. 샘플마다 L @ eps[i]가 되어야 합니다. eps의 한 행이 샘플 하나라는 점을 떠올려, 모든 행을 한꺼번에 계산할 때 L을 어느 쪽에 어떤 모양으로 곱해야 하는지 확인하세요.",
        "en": "Hint: L is applied transposed. Each sample must be L @ eps[i]. Remembering that one row of eps is one sample, work out on which side, and in which orientation, L must multiply when you compute all rows at once.",
    },
    "hint.sample.no_factor": {
        "ko": "힌트: 공분산 인자 L을 쓰지 않아 샘플의 공분산이 단위 행렬이 됩니다. 노이즈에 L을 곱하세요.",
        "en": "Hint: the covariance factor L is unused, so every sample has identity covariance; multiply the noise by L.",
    },
    "hint.sample.no_mean": {
        "ko": "힌트: 평균을 더하지 않아 샘플이 원점 주위에 모입니다.",
        "en": "Hint: the mean is missing, so the samples gather around the origin.",
    },
    "hint.sample.diagonal": {
        "ko": "힌트: L의 대각선만 썼습니다. 그러면 차원 사이의 상관관계가 사라집니다. L 전체를 곱하세요.",
        "en": "Hint: only the diagonal of L is used, which loses the correlations between dimensions; multiply by the whole of L.",
    },
    "hint.sample.covariance": {
        "ko": "힌트: 노이즈에 공분산 L L^T 자체를 곱했습니다. 공분산의 '제곱근'인 인자 L을 곱해야 분산이 맞습니다.",
        "en": "Hint: the noise is multiplied by the covariance L L^T itself; multiply by its 'square root', the factor L, to get the right variance.",
    },
    "hint.sample.minus": {
        "ko": "힌트: 노이즈 항을 평균에서 뺐습니다. ε과 -ε의 분포가 같아 샘플의 분포는 같지만, 이 연습은 z = mean + L eps를 요구합니다.",
        "en": "Hint: the noise term is subtracted from the mean. As ε and -ε have the same distribution, the samples follow the same distribution, but the exercise asks for z = mean + L eps.",
    },
    "hint.sample.noise_ignored": {
        "ko": "힌트: 노이즈 eps를 쓰지 않아 모든 샘플이 평균과 같습니다.",
        "en": "Hint: the noise eps is unused, so every sample equals the mean.",
    },
    "hint.sample.noise_changed": {
        "ko": "힌트: 노이즈 eps를 그대로 쓰지 않고 바꾸었습니다(잘라 내기, tanh, 절댓값, 표준화 등). eps는 이미 표준정규분포의 노이즈이고, 드물게 나오는 큰 값도 그 분포의 일부입니다. 주어진 eps를 그대로 L에 곱하세요.",
        "en": "Hint: you changed the noise eps before using it (clipped, squashed, made positive or standardised). eps already is standard normal noise, and its rare large values belong to that distribution; multiply the given eps by L as it is.",
    },
    "hint.bayes.no_prior": {
        "ko": "힌트: 사전 확률 log p(y)를 더하지 않았습니다. 로그 가능도에 더하세요.",
        "en": "Hint: the prior log p(y) is missing; add it to the log-likelihoods.",
    },
    "hint.bayes.prior_subtracted": {
        "ko": "힌트: 사전 확률을 뺐습니다. 베이즈 규칙에서는 p(x | y)와 p(y)를 곱하므로 로그에서는 더합니다.",
        "en": "Hint: the prior is subtracted; Bayes' rule multiplies p(x | y) by p(y), so in logs you add.",
    },
    "hint.bayes.prior_not_log": {
        "ko": "힌트: log_priors는 이미 로그입니다. exp를 취하지 말고 그대로 더하세요.",
        "en": "Hint: log_priors are already logs; add them as they are, without exp.",
    },
    "hint.bayes.not_normalised": {
        "ko": "힌트: p(x | y) p(y)에서 멈췄습니다. 행마다 합이 1이 되도록 p(x)로 나누세요.",
        "en": "Hint: you stopped at p(x | y) p(y); divide by p(x) so that each row sums to 1.",
    },
    "hint.bayes.log": {
        "ko": "힌트: 로그 사후 확률을 돌려주었습니다. 확률 자체를 돌려주세요.",
        "en": "Hint: you returned log-posteriors; return the probabilities themselves.",
    },
    "hint.bayes.axis": {
        "ko": "힌트: 정규화한 축이 틀렸습니다. 이미지 하나(행 하나)의 클래스별 확률 합이 1이어야 합니다.",
        "en": "Hint: the normalisation runs along the wrong axis; for each image (each row) the class probabilities must sum to 1.",
    },
    "hint.bayes.labels": {
        "ko": "힌트: 예측 레이블을 돌려주었습니다. 이 연습은 모든 클래스의 사후 확률(모양 (n, num_classes))을 요구합니다.",
        "en": "Hint: you returned predicted labels; this exercise asks for the posterior of every class, shape (n, num_classes).",
    },
    "hint.bayes.unstable": {
        "ko": "힌트: 로그 가능도가 아주 크거나 작으면 exp가 넘치거나(inf) 0이 됩니다. exp 전에 행마다 최댓값을 빼세요. 사후 확률은 변하지 않습니다.",
        "en": "Hint: for very large or very small log-likelihoods exp overflows (inf) or becomes 0; subtract each row's maximum before exp, which leaves the posterior unchanged.",
    },
    "hint.bayes.batch_max": {
        "ko": "힌트: 배치 전체에서 최댓값 하나를 뺐습니다. 그 값보다 훨씬 작은 행에서는 exp가 모두 0이 되어 0/0(NaN)이 됩니다. 행마다 그 행의 최댓값을 빼세요(axis=1, keepdims=True).",
        "en": "Hint: you subtracted one maximum for the whole batch; in rows far below it every exp becomes 0, and 0/0 is NaN. Subtract each row's own maximum (axis=1, keepdims=True).",
    },
    "hint.bayes.row_mean": {
        "ko": "힌트: 행마다 평균을 뺐습니다. 행의 최댓값이 평균보다 709 넘게 크면 exp가 넘칩니다(inf). 평균 대신 행마다 최댓값을 빼면 exp의 입력이 모두 0 이하가 됩니다.",
        "en": "Hint: you subtracted each row's mean; where a row's largest value lies more than 709 above its mean, exp overflows (inf). Subtract each row's maximum instead: then every input of exp is 0 or less.",
    },
    "hint.bayes.column_max": {
        "ko": "힌트: 열마다(클래스마다) 최댓값을 뺐습니다(axis=0). 사후 확률을 바꾸지 않는 것은 행마다 같은 값을 빼는 것뿐입니다. 행마다 그 행의 최댓값을 빼세요(axis=1, keepdims=True).",
        "en": "Hint: you subtracted each column's (each class's) maximum, axis=0; only one shift per row leaves the posterior unchanged. Subtract each row's own maximum (axis=1, keepdims=True).",
    },
    "hint.bayes.mixed_ranges": {
        "ko": "힌트: 이 테스트는 범위가 아주 다른 행(+800 안팎과 -5000 안팎)을 한 배치에 섞습니다. 배치 전체의 최댓값 하나나 행의 평균이 아니라 행마다 그 행의 최댓값을 빼야, 어느 행에서도 exp가 넘치거나 모두 0이 되지 않습니다.",
        "en": "Hint: this case mixes rows of very different ranges (near +800 and near -5000) in one batch. Subtract each row's own maximum, not one maximum for the whole batch nor the row's mean: only then does exp neither overflow nor vanish in any row.",
    },
    "hint.marg.no_prior": {
        "ko": "힌트: 사전 확률 log p(y)를 더하지 않았습니다. p(x) = Σ p(x | y) p(y)입니다.",
        "en": "Hint: the prior log p(y) is missing; p(x) = Σ p(x | y) p(y).",
    },
    "hint.marg.uniform": {
        "ko": "힌트: 클래스에 대해 단순 평균을 냈습니다. 주어진 사전 확률을 가중치로 써야 합니다.",
        "en": "Hint: you averaged over the classes; weight them by the given priors instead.",
    },
    "hint.marg.max_only": {
        "ko": "힌트: 가장 큰 항 하나만 남겼습니다. 모든 클래스의 p(x | y) p(y)를 더해야 합니다(log-sum-exp).",
        "en": "Hint: only the largest term is kept; sum p(x | y) p(y) over all classes (log-sum-exp).",
    },
    "hint.marg.sum_of_logs": {
        "ko": "힌트: 로그를 더하면 확률을 곱하는 셈입니다. 확률을 더한 뒤 로그를 취해야 합니다(log-sum-exp).",
        "en": "Hint: you added the logs, which multiplies the probabilities; add the probabilities, then take the log (log-sum-exp).",
    },
    "hint.marg.axis": {
        "ko": "힌트: 합한 축이 틀렸습니다. 이미지마다(행마다) 클래스에 대해 더해, 모양 (n,)을 돌려주세요.",
        "en": "Hint: the sum runs along the wrong axis; sum over the classes for each image (each row), giving shape (n,).",
    },
    "hint.marg.not_log": {
        "ko": "힌트: p(x)를 돌려주었습니다. 로그 log p(x)를 돌려주세요.",
        "en": "Hint: you returned p(x); return its log, log p(x).",
    },
    "hint.marg.unstable": {
        "ko": "힌트: 로그 가능도가 아주 크거나 작으면 exp가 넘치거나(inf) 0이 되어 log가 무한대가 됩니다. 행마다 최댓값 m을 빼고 exp, 합, log를 한 뒤 m을 다시 더하세요.",
        "en": "Hint: for very large or very small log-likelihoods exp overflows (inf) or becomes 0, and the log is infinite; subtract each row's maximum m, take exp, sum and log, then add m back.",
    },
    "hint.marg.batch_max": {
        "ko": "힌트: 배치 전체에서 최댓값 하나를 뺐습니다. 그 값보다 훨씬 작은 행에서는 exp의 합이 0이 되어 log가 -inf가 됩니다. 행마다 그 행의 최댓값 m을 빼고, 마지막에 그 행의 m을 다시 더하세요.",
        "en": "Hint: you subtracted one maximum for the whole batch; in rows far below it the sum of exp is 0 and its log is -inf. Subtract each row's own maximum m, and add that row's m back at the end.",
    },
    "hint.marg.row_mean": {
        "ko": "힌트: 행마다 평균을 뺐습니다. 행의 최댓값이 평균보다 709 넘게 크면 exp가 넘쳐(inf) log도 무한대가 됩니다. 평균 대신 행마다 최댓값 m을 빼고, 마지막에 m을 다시 더하세요.",
        "en": "Hint: you subtracted each row's mean; where a row's largest value lies more than 709 above its mean, exp overflows (inf) and so does the log. Subtract each row's maximum m instead, and add m back at the end.",
    },
    "hint.marg.mixed_ranges": {
        "ko": "힌트: 이 테스트는 범위가 아주 다른 행(+800 안팎과 -5000 안팎)을 한 배치에 섞습니다. 배치 전체의 최댓값 하나나 행의 평균이 아니라 행마다 그 행의 최댓값 m을 빼고 마지막에 그 행의 m을 다시 더해야, 어느 행에서도 exp가 넘치거나 모두 0이 되지 않습니다.",
        "en": "Hint: this case mixes rows of very different ranges (near +800 and near -5000) in one batch. Subtract each row's own maximum m (not one maximum for the whole batch nor the row's mean) and add that m back at the end: only then does exp neither overflow nor vanish in any row.",
    },
    "hint.sample.sqrt_covariance": {
        "ko": "힌트: 공분산 L L^T의 원소마다 제곱근을 취했습니다. 원소별 제곱근은 공분산의 인수가 아닙니다(음수 원소에서는 NaN). 주어진 인수 L을 그대로 곱하세요.",
        "en": "Hint: you took the element-wise square root of the covariance L L^T; that is no factor of it (and NaN where an entry is negative). Multiply by the factor L you are given.",
    },
    "hint.sample.parentheses": {
        "ko": "힌트: 평균을 더한 뒤에 L을 곱했습니다(L (mean + eps)). 평균은 곱한 뒤에 더합니다: z = mean + L eps.",
        "en": "Hint: the mean was added before multiplying by L, giving L (mean + eps); add it afterwards: z = mean + L eps.",
    },
    "hint.sample.other_factor": {
        "ko": "힌트: 공분산에서 인수를 새로 구했습니다(촐레스키 등). 같은 공분산의 인수는 여럿이라 분포는 같지만, 이 연습은 주어진 L로 만든 표본(z_i = mean + L @ eps[i])을 요구합니다. cov_factor를 그대로 쓰세요.",
        "en": "Hint: you computed a factor of the covariance afresh (a Cholesky factor, say). A covariance has many factors, so the distribution is the same, but the exercise asks for the samples of the L given (z_i = mean + L @ eps[i]); use cov_factor as it is.",
    },
    "hint.sample.times_mean": {
        "ko": "힌트: 평균을 곱했습니다. 평균은 더합니다: z = mean + L eps.",
        "en": "Hint: the mean multiplies the noise term; it is added: z = mean + L eps.",
    },
    "hint.bayes.prior_already_log": {
        "ko": "힌트: log_priors에 다시 log를 취했습니다(음수의 log는 NaN). 이미 로그 값이니 그대로 더하세요.",
        "en": "Hint: you took the log of log_priors again (the log of a negative number is NaN); they are logs already, add them as they are.",
    },
    "hint.bayes.prior_multiplied": {
        "ko": "힌트: 로그 가능도에 사전 확률을 곱했습니다. p(x | y) p(y)의 곱은 로그에서 덧셈이 됩니다: log p(x | y) + log p(y).",
        "en": "Hint: the log-likelihoods were multiplied by the prior; the product p(x | y) p(y) becomes a sum in logs: log p(x | y) + log p(y).",
    },
    "hint.marg.m_not_added": {
        "ko": "힌트: 빼 준 최댓값 m을 다시 더하지 않았습니다(또는 뺐습니다). log p(x) = m + log Σ exp(... - m)입니다.",
        "en": "Hint: the maximum m you subtracted is not added back (or is subtracted again); log p(x) = m + log Σ exp(... - m).",
    },
    "hint.marg.mean": {
        "ko": "힌트: 클래스에 대해 평균을 냈습니다. p(x) = Σ p(x | y) p(y)는 합입니다(사전 확률이 이미 가중치입니다).",
        "en": "Hint: you took a mean over the classes; p(x) = Σ p(x | y) p(y) is a sum (the priors already are the weights).",
    },
    "hint.marg.no_exp": {
        "ko": "힌트: exp를 빠뜨렸습니다. 로그 값을 그대로 더한 합은 음수라 log가 NaN이 됩니다. log Σ exp(... - m)입니다.",
        "en": "Hint: the exp is missing; the log-values summed as they are give a negative sum, whose log is NaN. It is log Σ exp(... - m).",
    },
}
