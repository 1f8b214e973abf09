package org.imgcluster.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ImageSetConcatTest {
    @Test
    void imagesAndLabelsFollowEachOtherInOrder() {
        ImageSet a = RandomImages.create(5, 4, 3, 1, 3, 1);
        ImageSet b = RandomImages.create(2, 4, 3, 1, 3, 2);
        ImageSet both = ImageSet.concat(List.of(a, b));
        assertThat(both.size()).isEqualTo(7);
        assertThat(both.image(4)).isEqualTo(a.image(4));
        assertThat(both.image(5)).isEqualTo(b.image(0));
        assertThat(both.image(6)).isEqualTo(b.image(1));
        assertThat(both.labels()).containsExactly(a.label(0), a.label(1), a.label(2), a.label(3), a.label(4),
                b.label(0), b.label(1));
        assertThat(both.source()).isEqualTo(a.source() + " + " + b.source());
        assertThat(ImageSet.concat(List.of(a))).isSameAs(a);
    }

    @Test
    void setsOfAnotherShapeOrWithoutLabelsAreRefused() {
        ImageSet a = RandomImages.create(5, 4, 3, 1, 3, 1);
        assertThatThrownBy(() -> ImageSet.concat(List.of(a, RandomImages.create(2, 3, 4, 1, 3, 2))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> ImageSet.concat(List.of(a, RandomImages.create(2, 4, 3, 1, 0, 2))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("does not match");
    }
}
