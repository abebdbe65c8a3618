"""The arms of lesson 06's experiment, in table order (a module of its own: no imports).

``real``           the ``n`` labelled digits per class (as in lesson 05);
``real_classic``   plus lesson 05's shifted and slightly rotated copies;
``pseudo``         the control that is not generative: ``real_classic``'s recogniser
                   labels the unlabelled digits it is confident about, and a
                   recogniser trains again on ``real_classic`` plus those;
``m1``             VAE features (Kingma et al.'s M1): a support vector machine on the
                   16-D latent means of the shipped VAE, trained on all training
                   images without labels;
``ssgan``          the semi-supervised GAN's discriminator as the recogniser;
``ssgan_shift``    the same, its labelled images shifted at random at every step
                   (classic augmentation of its inputs, measured on and off).
"""

SEMI_ARMS = ("real", "real_classic", "pseudo", "m1", "ssgan", "ssgan_shift")
#: The arms that use the unlabelled digits.
UNLABELLED_ARMS = ("pseudo", "m1", "ssgan", "ssgan_shift")
#: The arms whose recogniser is the semi-supervised GAN's discriminator.
SSGAN_ARMS = ("ssgan", "ssgan_shift")
