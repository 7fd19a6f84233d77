package io.firstsecretary.organisation.views;

import io.firstsecretary.organisation.assignment.FirstSecretaryAssignment;
import io.firstsecretary.organisation.member.Member;
import java.util.List;

/** A member with every term they have held as first secretary. */
record MemberView(Member member, List<FirstSecretaryAssignment> firstSecretaryTerms) {}
