package io.alluse.secrets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named secrets (broker keys) in one encrypted file, opened once per session with the master
 * passphrase (SPEC section 4, issue 8).
 *
 * <p>Crypto: a 256-bit key from the passphrase by Argon2id ({@link KdfParameters#OWASP}) with a
 * random 16-byte salt kept in the file; every secret is sealed on its own with AES-256-GCM under a
 * fresh random 12-byte nonce each time it is written, its name bound in as associated data so
 * that sealed values cannot be swapped between names. A sealed known text proves the passphrase:
 * a wrong one fails the GCM tag and changes nothing. Every write goes to a temporary file that
 * then replaces the vault, so a crash leaves the old or the new vault, never half of one.
 *
 * <p>Thread-safe; all methods are synchronized (the vault is small and rarely written).
 */
public final class SecretVault implements CredentialStore {

    private static final Logger log = LoggerFactory.getLogger(SecretVault.class);
    private static final byte[] MAGIC = "ALLUSE-VAULT\u0001".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final String CHECK_NAME = "\u0000check";
    private static final byte[] CHECK_TEXT = "ALL-USE vault passphrase check".getBytes(StandardCharsets.US_ASCII);
    /** A new vault's passphrase must be at least this long; Argon2id slows guessing, it cannot save "1234". */
    public static final int MIN_PASSPHRASE = 10;

    private final Path file;
    private final KdfParameters newVaultKdf;
    private final SecureRandom random = new SecureRandom();

    private byte[] key;
    private byte[] salt;
    private KdfParameters kdf;
    private Sealed check;
    private final Map<String, Sealed> entries = new TreeMap<>();

    private SecretVault(Path file, KdfParameters newVaultKdf) {
        this.file = file;
        this.newVaultKdf = newVaultKdf;
    }

    /** The vault in {@code file} (which need not exist yet: the first unlock sets its passphrase). */
    public static SecretVault at(Path file) {
        return new SecretVault(file, KdfParameters.OWASP);
    }

    /** For tests and benchmarks: a new vault created with other Argon2id costs. */
    public static SecretVault at(Path file, KdfParameters newVaultKdf) {
        return new SecretVault(file, newVaultKdf);
    }

    public Path file() {
        return file;
    }

    /** Whether a vault file exists (so unlocking checks the passphrase rather than setting it). */
    public synchronized boolean exists() {
        return Files.exists(file);
    }

    public synchronized boolean isUnlocked() {
        return key != null;
    }

    @Override
    public String where() {
        return "the encrypted credential vault " + file;
    }

    @Override
    public boolean isOpen() {
        return isUnlocked();
    }

    /**
     * Opens the vault for this session. If no vault file exists, {@code passphrase} becomes the
     * passphrase of a new, empty vault (written at once). A wrong passphrase throws
     * {@link VaultException.Kind#WRONG_PASSPHRASE} and leaves the file and this object as they were.
     * The caller may wipe {@code passphrase} afterwards.
     */
    public synchronized void unlock(char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new VaultException(VaultException.Kind.WRONG_PASSPHRASE, "Enter the vault passphrase.");
        }
        if (!Files.exists(file)) {
            create(passphrase);
            return;
        }
        Contents contents = read();
        byte[] candidate = derive(passphrase, contents.salt, contents.kdf);
        try {
            byte[] text = open(candidate, CHECK_NAME, contents.check);
            if (!Arrays.equals(text, CHECK_TEXT)) {
                throw new VaultException(VaultException.Kind.CORRUPT, "The credential vault " + file + " is damaged (its check entry is wrong).");
            }
        } catch (VaultException e) {
            Arrays.fill(candidate, (byte) 0);
            throw e;
        }
        lockQuietly();
        key = candidate;
        salt = contents.salt;
        kdf = contents.kdf;
        check = contents.check;
        entries.clear();
        entries.putAll(contents.entries);
        log.info("Credential vault unlocked ({} entries)", entries.size());
    }

    /** Forgets the key (the file stays); the next use needs {@link #unlock} again. */
    public synchronized void lock() {
        lockQuietly();
    }

    /** Stores or replaces one secret under a fresh nonce, and writes the vault file. */
    @Override
    public synchronized void put(String name, Secret value) {
        requireName(name);
        requireUnlocked();
        byte[] plain = value.utf8();
        try {
            Map<String, Sealed> next = new TreeMap<>(entries);
            next.put(name, seal(name, plain));
            write(new Contents(salt, kdf, check, next));
            entries.clear();
            entries.putAll(next);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public synchronized Optional<Secret> get(String name) {
        requireName(name);
        requireUnlocked();
        Sealed sealed = entries.get(name);
        return sealed == null ? Optional.empty() : Optional.of(Secret.fromUtf8(open(key, name, sealed)));
    }

    /** Removes one secret if present, and writes the vault file. */
    @Override
    public synchronized void remove(String name) {
        requireName(name);
        requireUnlocked();
        if (!entries.containsKey(name)) {
            return;
        }
        Map<String, Sealed> next = new TreeMap<>(entries);
        next.remove(name);
        write(new Contents(salt, kdf, check, next));
        entries.remove(name);
    }

    /** Names of the stored secrets (names are references, not secrets). */
    public synchronized Set<String> names() {
        requireUnlocked();
        return new TreeSet<>(entries.keySet());
    }

    @Override
    public String toString() {
        return "SecretVault[" + file + (key == null ? ", locked]" : ", unlocked]");
    }

    private void create(char[] passphrase) {
        if (passphrase.length < MIN_PASSPHRASE) {
            throw new VaultException(VaultException.Kind.WEAK_PASSPHRASE, "The new vault passphrase is too short: use at least "
                    + MIN_PASSPHRASE + " characters (a few unrelated words work well).");
        }
        byte[] newSalt = new byte[SALT_BYTES];
        random.nextBytes(newSalt);
        byte[] newKey = derive(passphrase, newSalt, newVaultKdf);
        Sealed newCheck = seal(newKey, CHECK_NAME, CHECK_TEXT);
        try {
            write(new Contents(newSalt, newVaultKdf, newCheck, Map.of()));
        } catch (VaultException e) {
            Arrays.fill(newKey, (byte) 0);
            throw e;
        }
        lockQuietly();
        key = newKey;
        salt = newSalt;
        kdf = newVaultKdf;
        check = newCheck;
        entries.clear();
        log.info("Credential vault created at {}", file);
    }

    private void lockQuietly() {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
        }
        key = null;
        entries.clear();
    }

    private void requireUnlocked() {
        if (key == null) {
            throw new VaultException(VaultException.Kind.LOCKED, "The credential vault is locked: enter its passphrase first.");
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank() || name.startsWith("\u0000") || name.length() > 200) {
            throw new IllegalArgumentException("a vault entry needs a name of 1-200 characters");
        }
    }

    /** Argon2id (version 0x13) of the passphrase's UTF-8 bytes; the byte copy is wiped at once. */
    static byte[] derive(char[] passphrase, byte[] salt, KdfParameters p) {
        java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(passphrase));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        try {
            return Argon2Function.getInstance(p.memoryKiB(), p.iterations(), p.parallelism(), KEY_BYTES, Argon2.ID, 0x13)
                    .hash(bytes, salt).getBytes();
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private Sealed seal(String name, byte[] plain) {
        return seal(key, name, plain);
    }

    private Sealed seal(byte[] withKey, String name, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(withKey, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(name));
            return new Sealed(nonce, cipher.doFinal(plain));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    private byte[] open(byte[] withKey, String name, Sealed sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(withKey, "AES"), new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(aad(name));
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            if (CHECK_NAME.equals(name)) {
                throw new VaultException(VaultException.Kind.WRONG_PASSPHRASE,
                        "That passphrase does not open the credential vault " + file + ". Nothing was changed; check the passphrase and try again.");
            }
            throw new VaultException(VaultException.Kind.CORRUPT, "The vault entry '" + name + "' in " + file
                    + " does not decrypt: the file was changed outside ALL-USE. Enter that account's keys again.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    private static byte[] aad(String name) {
        return ("alluse-vault/" + FORMAT + "/" + name).getBytes(StandardCharsets.UTF_8);
    }

    private Contents read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new VaultException(VaultException.Kind.IO, "Cannot read the credential vault " + file + ": " + e.getMessage(), e);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw corrupt("it is not an ALL-USE credential vault");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw corrupt("format " + format + " is not known to this version");
            }
            KdfParameters p = new KdfParameters(in.readInt(), in.readInt(), in.readInt());
            byte[] s = readBytes(in, SALT_BYTES);
            Sealed c = readSealed(in);
            int count = in.readInt();
            if (count < 0 || count > 100_000) {
                throw corrupt("entry count " + count);
            }
            Map<String, Sealed> map = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                map.put(in.readUTF(), readSealed(in));
            }
            return new Contents(s, p, c, map);
        } catch (IOException | IllegalArgumentException e) {
            throw corrupt(e.getMessage() == null ? "it is truncated" : e.getMessage());
        }
    }

    private VaultException corrupt(String why) {
        return new VaultException(VaultException.Kind.CORRUPT, "The credential vault " + file + " cannot be read: " + why
                + ". Restore it from a copy, or move it away and enter the brokers' keys again.");
    }

    private static Sealed readSealed(DataInputStream in) throws IOException {
        byte[] nonce = readBytes(in, NONCE_BYTES);
        int length = in.readInt();
        if (length < TAG_BITS / 8 || length > 1 << 20) {
            throw new IOException("sealed length " + length);
        }
        return new Sealed(nonce, readBytes(in, length));
    }

    private static byte[] readBytes(DataInputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new IOException("it is truncated");
        }
        return b;
    }

    private void write(Contents contents) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(contents.kdf.memoryKiB());
            out.writeInt(contents.kdf.iterations());
            out.writeInt(contents.kdf.parallelism());
            out.write(contents.salt);
            writeSealed(out, contents.check);
            out.writeInt(contents.entries.size());
            for (Map.Entry<String, Sealed> e : contents.entries.entrySet()) {
                out.writeUTF(e.getKey());
                writeSealed(out, e.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".vault-", ".tmp");
            try {
                Files.write(temp, buffer.toByteArray());
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new VaultException(VaultException.Kind.IO, "Cannot write the credential vault " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeSealed(DataOutputStream out, Sealed s) throws IOException {
        out.write(s.nonce());
        out.writeInt(s.ciphertext().length);
        out.write(s.ciphertext());
    }

    private record Sealed(byte[] nonce, byte[] ciphertext) {
    }

    private record Contents(byte[] salt, KdfParameters kdf, Sealed check, Map<String, Sealed> entries) {
    }
}
