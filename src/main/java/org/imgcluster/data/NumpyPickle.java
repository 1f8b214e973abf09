package org.imgcluster.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * Unpickles Python data holding numpy arrays, such as the CIFAR-10 python batches. Numpy pickles an array as
 * {@code _reconstruct(ndarray, (0,), b'b')} followed by BUILD with {@code (1, shape, dtype, is_fortran, raw bytes)},
 * or with protocol 5 as {@code _frombuffer(buffer, dtype, shape, order)}; both become a {@link NumpyArray}.
 * Python 2 strings come back as Java strings (one char per byte), Python 3 bytes as byte arrays.
 */
final class NumpyPickle {
    static {
        IObjectConstructor reconstruct = args -> new NumpyArray();
        IObjectConstructor fromBuffer = NumpyPickle::fromBuffer;
        for (String core : List.of("numpy.core", "numpy._core")) {
            Unpickler.registerConstructor(core + ".multiarray", "_reconstruct", reconstruct);
            Unpickler.registerConstructor(core + ".numeric", "_frombuffer", fromBuffer);
        }
        Unpickler.registerConstructor("numpy", "dtype", args -> new NumpyDtype(text(args[0])));
    }

    private NumpyPickle() {
    }

    /** The unpickled object; anything unreadable is reported as the file's problem. */
    static Object load(byte[] pickle, String name) {
        try {
            return new NumpyUnpickler().loads(pickle);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new BadInputException(name + ": not a readable pickle: " + why, e);
        }
    }

    /** Python 2 str (a Java string of byte values) or Python 3 bytes/str as text. */
    static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value);
    }

    /** An array's element type, as numpy names it ("u1" for uint8). */
    record NumpyDtype(String descr) {
    }

    /** A numpy array as pickled: its shape, element type and raw bytes in C order. Filled in by BUILD. */
    static final class NumpyArray {
        private int[] shape;
        private NumpyDtype dtype;
        private byte[] data;

        int[] shape() {
            return shape.clone();
        }

        String dtype() {
            return dtype.descr();
        }

        byte[] data() {
            return data;
        }

        /** Numpy's __setstate__: (version, shape, dtype, is_fortran, raw) or, before version 1, without the version. */
        void setState(Object state) {
            if (!(state instanceof Object[] fields) || fields.length < 4 || fields.length > 5) {
                throw new PickleException("numpy array state is not a tuple of 4 or 5 items");
            }
            int first = fields.length - 4;
            set(fields[first], fields[first + 1], fields[first + 3]);
            if (Boolean.TRUE.equals(fields[first + 2]) || Integer.valueOf(1).equals(fields[first + 2])) {
                throw new PickleException("numpy array in Fortran order is not supported");
            }
        }

        private void set(Object shapeTuple, Object dtypeValue, Object raw) {
            if (!(shapeTuple instanceof Object[] dims) || !(dtypeValue instanceof NumpyDtype type)) {
                throw new PickleException("numpy array state has no shape tuple and dtype");
            }
            shape = Arrays.stream(dims).mapToInt(d -> ((Number) d).intValue()).toArray();
            dtype = type;
            if (raw instanceof String s) {
                data = s.getBytes(StandardCharsets.ISO_8859_1);
            } else if (raw instanceof byte[] bytes) {
                data = bytes;
            } else {
                throw new PickleException("numpy array data is a " + (raw == null ? "None" : raw.getClass().getSimpleName())
                        + ", not raw bytes (an object array?)");
            }
        }
    }

    private static Object fromBuffer(Object[] args) {
        if (args.length != 4 || !"C".equals(text(args[3]))) {
            throw new PickleException("numpy _frombuffer call is not (buffer, dtype, shape, 'C')");
        }
        NumpyArray array = new NumpyArray();
        array.set(args[2], args[1], args[0]);
        return array;
    }

    /** Routes BUILD on numpy objects here; razorvine's own BUILD needs a public __setstate__ method. */
    private static final class NumpyUnpickler extends Unpickler {
        @Override
        protected Object dispatch(short key) throws PickleException, IOException {
            if (key == Opcodes.BUILD) {
                Object state = stack.pop();
                Object target = stack.peek();
                if (target instanceof NumpyArray array) {
                    array.setState(state);
                    return NO_RETURN_VALUE;
                }
                if (target instanceof NumpyDtype) {
                    return NO_RETURN_VALUE;
                }
                stack.add(state);
            }
            return super.dispatch(key);
        }
    }
}
