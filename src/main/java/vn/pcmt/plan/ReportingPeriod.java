package vn.pcmt.plan;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One reporting period of a plan: "Quý I", due "trước ngày 15/3". */
@Entity
@Table(name = "reporting_period")
public class ReportingPeriod {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(optional = false)
  @JoinColumn(name = "plan_id")
  private Plan plan;
  private int position;
  private String label;
  private LocalDate dueDate;
  @Column(name = "deadline_phrase")
  private String deadlinePhrase;

  protected ReportingPeriod() {
  }

  ReportingPeriod(Plan plan, int position, String label, LocalDate dueDate, String deadlinePhrase) {
    this.plan = plan;
    this.position = position;
    this.label = label;
    this.dueDate = dueDate;
    this.deadlinePhrase = deadlinePhrase;
  }

  public Long getId() {
    return id;
  }

  public Plan getPlan() {
    return plan;
  }

  public int getPosition() {
    return position;
  }

  public String getLabel() {
    return label;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public String getDeadlinePhrase() {
    return deadlinePhrase;
  }
}
