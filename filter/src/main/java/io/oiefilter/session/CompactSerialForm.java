package io.oiefilter.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;

/**
 * The serialized form of what the filter keeps in an HTTP session: the object's ordinary Java
 * serialization, deflated. A clustered container writes the session to its replicas, often on every
 * request; Java serialization of small records spends most of its bytes on class and field names,
 * which deflate well, so the session stays small without a hand-written format that could fall out of
 * step with the records. A preset dictionary (zlib's) holds those names as our streams write them, so even
 * the first occurrence of each costs a few bytes. A class opts in with
 * {@code private Object writeReplace() { return CompactSerialForm.of(this); }}; its objects must be immutable:
 * the same bytes read back give the same instance ({@link RecentForms}).
 */
public final class CompactSerialForm implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    /** Far above anything the filter keeps: a replica store's bytes are not trusted to be small. */
    private static final int MAX_INFLATED = 64 * 1024;
    /**
     * The first byte of every form names its dictionary. Dictionary 1 is the plain serialization of five recorded
     * Okta states' session state and of a sign-in, as of this class's first version: never edit it (sessions
     * written with it must stay readable); a better one is added as 2.
     */
    private static final byte DICTIONARY_VERSION = 1;
    private static final byte[] DICTIONARY = dictionary("compact-dictionary-1.bin");
    /** Set while the object itself is being written inside {@link #of}, so its writeReplace lets it through. */
    private static final ThreadLocal<Object> WRITING = new ThreadLocal<>();

    private final byte[] deflated;

    private CompactSerialForm(byte[] deflated) {
        this.deflated = deflated;
    }

    /** What {@code value}'s writeReplace returns: its compact form, or itself while that form is being made. */
    public static Object of(Serializable value) throws ObjectStreamException {
        if (isWriting(value)) {
            return value;
        }
        Object outer = WRITING.get();
        WRITING.set(value);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
            bytes.write(DICTIONARY_VERSION);
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            deflater.setDictionary(DICTIONARY);
            try (ObjectOutputStream out = new ObjectOutputStream(new DeflaterOutputStream(bytes, deflater))) {
                out.writeObject(value);
            } finally {
                deflater.end();
            }
            return new CompactSerialForm(bytes.toByteArray());
        } catch (IOException e) {
            InvalidObjectException failure = new InvalidObjectException("cannot write " + value.getClass().getName());
            failure.initCause(e);
            throw failure;
        } finally {
            if (outer == null) {
                WRITING.remove();
            } else {
                WRITING.set(outer);
            }
        }
    }

    private static byte[] dictionary(String name) {
        try (java.io.InputStream in = CompactSerialForm.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("oie-filter's jar lacks " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads only the filter's own classes and the JDK's, through the filter's class loader (the app's, or the server's). */
    private static final class OwnClasses extends ObjectInputStream {
        private static final ObjectInputFilter ONLY_OURS = ObjectInputFilter.Config.createFilter(
                "maxdepth=20;maxrefs=4000;maxbytes=" + MAX_INFLATED + ";io.oiefilter.**;java.**;!*");

        OwnClasses(byte[] plain) throws IOException {
            super(new ByteArrayInputStream(plain));
            setObjectInputFilter(ONLY_OURS);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, CompactSerialForm.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc); // primitives and arrays of them
            }
        }
    }

    /** Whether {@code value} is being written into its compact form now: its writeReplace must let it through. */
    public static boolean isWriting(Object value) {
        return WRITING.get() == value;
    }

    @Serial
    private Object readResolve() throws ObjectStreamException {
        if (deflated == null || deflated.length < 2 || deflated[0] != DICTIONARY_VERSION) {
            throw new InvalidObjectException("session attribute of an unknown form");
        }
        Object known = RecentForms.get(deflated);
        if (known != null) {
            return known;
        }
        Object value = inflateAndRead();
        RecentForms.put(deflated, value);
        return value;
    }

    private Object inflateAndRead() throws ObjectStreamException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated, 1, deflated.length - 1);
            ByteArrayOutputStream plain = new ByteArrayOutputStream(deflated.length * 3);
            byte[] buffer = new byte[1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsDictionary()) {
                    inflater.setDictionary(DICTIONARY); // zlib checks it is the one the form was written with
                    continue;
                }
                if (n == 0 && inflater.needsInput()) {
                    throw new InvalidObjectException("truncated session attribute");
                }
                plain.write(buffer, 0, n);
                if (plain.size() > MAX_INFLATED) {
                    throw new InvalidObjectException("session attribute larger than " + MAX_INFLATED + " bytes");
                }
            }
            try (ObjectInputStream in = new OwnClasses(plain.toByteArray())) {
                return in.readObject();
            }
        } catch (DataFormatException | IOException | ClassNotFoundException e) {
            InvalidObjectException failure = new InvalidObjectException("unreadable session attribute");
            failure.initCause(e);
            throw failure;
        } finally {
            inflater.end();
        }
    }
}
