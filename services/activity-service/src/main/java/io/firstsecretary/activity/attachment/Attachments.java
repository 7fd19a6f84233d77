package io.firstsecretary.activity.attachment;

import com.mongodb.client.gridfs.model.GridFSFile;
import io.firstsecretary.contracts.activity.ActivityLogged.Attachment;
import io.firstsecretary.kit.web.NotFoundException;
import io.firstsecretary.kit.web.UnprocessableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Service;

/**
 * Files kept with activities (minutes, photos, scans), stored in the service's own database with
 * GridFS. A file is uploaded first and then referenced by id from an activity or a correction.
 */
@Service
public class Attachments {

    static final Set<String> TYPES = Set.of(
            "application/pdf",
            "image/jpeg",
            "image/png",
            "text/plain",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final GridFsTemplate files;
    private final long maxSize;

    Attachments(GridFsTemplate files, @Value("${firstsec.attachments.max-size:10485760}") long maxSize) {
        this.files = files;
        this.maxSize = maxSize;
    }

    Attachment store(String bureau, String name, String contentType, long size, InputStream content) {
        if (name == null || name.isBlank()) {
            throw new UnprocessableException("file", "The file needs a name");
        }
        if (contentType == null || !TYPES.contains(contentType)) {
            throw new UnprocessableException(
                    "file", "Files of type " + contentType + " are not kept; allowed: " + TYPES);
        }
        if (size <= 0 || size > maxSize) {
            throw new UnprocessableException(
                    "file", "A file must have 1 to " + maxSize + " bytes, this one has " + size);
        }
        ObjectId id = files.store(content, name, contentType, new Document("bureau", bureau));
        return new Attachment(id.toHexString(), name, contentType, size);
    }

    /** The attachment with this id, if it belongs to the bureau. */
    public Optional<Attachment> find(String bureau, String id) {
        return file(bureau, id)
                .map(f -> new Attachment(
                        id,
                        f.getFilename(),
                        f.getMetadata() == null ? null : f.getMetadata().getString("_contentType"),
                        f.getLength()));
    }

    Download download(String bureau, String id) {
        GridFSFile file = file(bureau, id).orElseThrow(() -> new NotFoundException("No attachment " + id));
        try {
            var resource = files.getResource(file);
            return new Download(
                    file.getFilename(),
                    resource.getContentType(),
                    resource.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<GridFSFile> file(String bureau, String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(files.findOne(Query.query(Criteria.where("_id")
                .is(new ObjectId(id))
                .and("metadata.bureau")
                .is(bureau))));
    }

    /** A file's name, type and bytes. */
    record Download(String name, String contentType, byte[] content) {}
}
