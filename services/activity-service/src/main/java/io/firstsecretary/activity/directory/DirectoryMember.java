package io.firstsecretary.activity.directory;

import java.util.List;
import org.springframework.data.annotation.Id;

/** What the activity service knows of a member. */
public record DirectoryMember(@Id String id, String bureau, String name, String branch, List<String> roles) {}
