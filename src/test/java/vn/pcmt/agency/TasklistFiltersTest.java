package vn.pcmt.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import vn.pcmt.ProcessTestSupport;

/**
 * The ready-made Tasklist filters, as the engine evaluates them for a logged-in official: each agency sees its own
 * work, "Sắp đến hạn" counts Vietnamese working days (Giỗ Tổ 18/04/2024 is not one), the secretariat alone sees
 * every agency's overdue work.
 */
@TestPropertySource(properties = "pcmt.process-coverage.class-at-least=0")
class TasklistFiltersTest extends ProcessTestSupport {

  @Autowired
  FilterService filters;

  Task dueSoon;
  Task dueLater;
  Task overdue;
  Task otherAgencyOverdue;

  @BeforeEach
  void tasks() {
    // Tuesday 16/04/2024: three working days ahead are 17, 19 and 22/04 (18/04 is Giỗ Tổ)
    setClock(LocalDateTime.of(2024, 4, 16, 9, 0));
    dueSoon = task("SYT", LocalDate.of(2024, 4, 22));
    dueLater = task("SYT", LocalDate.of(2024, 4, 23));
    overdue = task("SYT", LocalDate.of(2024, 4, 15));
    otherAgencyOverdue = task("STP", LocalDate.of(2024, 4, 12));
  }

  @AfterEach
  void deleteTasks() {
    for (Task task : List.of(dueSoon, dueLater, overdue, otherAgencyOverdue)) {
      taskService.deleteTask(task.getId(), true);
    }
  }

  Task task(String group, LocalDate due) {
    Task task = taskService.newTask();
    task.setName("Việc kiểm thử bộ lọc");
    task.setDueDate(endOfDay(due));
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), group);
    return task;
  }

  List<String> seen(String user, String filterName) {
    Filter filter = filters.createTaskFilterQuery().filterName(filterName).singleResult();
    identityService.setAuthentication(user, groupsOf(user));
    try {
      List<Task> tasks = filters.list(filter.getId());
      return tasks.stream().map(Task::getId).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void anOfficerSeesHisAgencysWorkByDueDate() {
    assertThat(seen(officer("SYT"), IdentitySync.FILTER_MY_AGENCY))
        .contains(dueSoon.getId(), dueLater.getId(), overdue.getId()).doesNotContain(otherAgencyOverdue.getId());
    assertThat(seen(officer("SYT"), IdentitySync.FILTER_DUE_SOON)).containsExactly(dueSoon.getId());
    assertThat(seen(officer("SYT"), IdentitySync.FILTER_OVERDUE)).containsExactly(overdue.getId());
    assertThat(seen(officer("STP"), IdentitySync.FILTER_OVERDUE)).containsExactly(otherAgencyOverdue.getId());
  }

  @Test
  void onlyTheSecretariatSeesEveryAgencysOverdueWork() {
    assertThat(seen(officer(SECRETARIAT), IdentitySync.FILTER_ALL_OVERDUE))
        .containsExactly(otherAgencyOverdue.getId(), overdue.getId());
    assertThat(seen(head(SECRETARIAT), IdentitySync.FILTER_ALL_OVERDUE)).hasSize(2);
    // an officer may not even read the filter
    identityService.setAuthentication(officer("SYT"), groupsOf(officer("SYT")));
    try {
      assertThat(filters.createTaskFilterQuery().filterName(IdentitySync.FILTER_ALL_OVERDUE).list()).isEmpty();
      assertThat(filters.createTaskFilterQuery().list()).extracting(Filter::getName).containsExactlyInAnyOrder(
          IdentitySync.FILTER_MY_AGENCY, IdentitySync.FILTER_MINE, IdentitySync.FILTER_DUE_SOON,
          IdentitySync.FILTER_OVERDUE);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
