package org.imgcluster.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pickles made by real Python 3.11 with numpy 2.4, of {@code {b'data': np.array([[0, 1, 2], [253, 254, 255]],
 * dtype=np.uint8), b'labels': [1, 2]}}, by {@code base64.b64encode(pickle.dumps(d, protocol=p))} for p = 2, 4, 5:
 * protocol 2 writes bytes as {@code _codecs.encode(str, 'latin1')}, protocol 5 arrays as {@code _frombuffer}.
 */
class NumpyPickleTest {
    private static final String PROTOCOL_2 = "gAJ9cQAoY19jb2RlY3MKZW5jb2RlCnEBWAQAAABkYXRhcQJYBgAAAGxhdGluMXEDhnEEUnEFY251bX"
            + "B5Ll9jb3JlLm11bHRpYXJyYXkKX3JlY29uc3RydWN0CnEGY251bXB5Cm5kYXJyYXkKcQdLAIVxCGgBWAEAAABicQloA4ZxClJxC4dxDF"
            + "JxDShLAUsCSwOGcQ5jbnVtcHkKZHR5cGUKcQ9YAgAAAHUxcRCJiIdxEVJxEihLA1gBAAAAfHETTk5OSv////9K/////0sAdHEUYoloAV"
            + "gJAAAAAAECw73DvsO/cRVoA4ZxFlJxF3RxGGJoAVgGAAAAbGFiZWxzcRloA4ZxGlJxG11xHChLAUsCZXUu";
    private static final String PROTOCOL_4 = "gASVrQAAAAAAAAB9lChDBGRhdGGUjBZudW1weS5fY29yZS5tdWx0aWFycmF5lIwMX3JlY29uc3"
            + "RydWN0lJOUjAVudW1weZSMB25kYXJyYXmUk5RLAIWUQwFilIeUUpQoSwFLAksDhpRoBYwFZHR5cGWUk5SMAnUxlImIh5RSlChLA4wBfJ"
            + "ROTk5K/////0r/////SwB0lGKJQwYAAQL9/v+UdJRiQwZsYWJlbHOUXZQoSwFLAmV1Lg==";
    private static final String PROTOCOL_5 = "gAWVmAAAAAAAAAB9lChDBGRhdGGUjBNudW1weS5fY29yZS5udW1lcmljlIwLX2Zyb21idWZmZX"
            + "KUk5QolgYAAAAAAAAAAAEC/f7/lIwFbnVtcHmUjAVkdHlwZZSTlIwCdTGUiYiHlFKUKEsDjAF8lE5OTkr/////Sv////9LAHSUYksCSw"
            + "OGlIwBQ5R0lFKUQwZsYWJlbHOUXZQoSwFLAmV1Lg==";

    @ParameterizedTest
    @ValueSource(strings = {PROTOCOL_2, PROTOCOL_4, PROTOCOL_5})
    void readsNumpyArraysAsPythonPicklesThem(String base64) {
        Map<String, Object> dict = textKeys(NumpyPickle.load(Base64.getDecoder().decode(base64), "d.pkl"));

        NumpyPickle.NumpyArray data = (NumpyPickle.NumpyArray) dict.get("data");
        assertThat(data.shape()).containsExactly(2, 3);
        assertThat(data.dtype()).isEqualTo("u1");
        assertThat(data.data()).containsExactly(0, 1, 2, 253, 254, 255);
        assertThat(dict.get("labels")).isEqualTo(List.of(1, 2));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 100, 150})
    void aCutPickleIsTheFilesFault(int length) {
        byte[] cut = Arrays.copyOf(Base64.getDecoder().decode(PROTOCOL_4), length);

        assertThatThrownBy(() -> NumpyPickle.load(cut, "d.pkl"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("d.pkl: not a readable pickle: ");
    }

    private static Map<String, Object> textKeys(Object loaded) {
        Map<String, Object> dict = new HashMap<>();
        ((Map<?, ?>) loaded).forEach((key, value) -> dict.put(NumpyPickle.text(key), value));
        return dict;
    }
}
