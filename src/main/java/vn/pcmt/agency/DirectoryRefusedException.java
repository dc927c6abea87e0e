package vn.pcmt.agency;

import java.util.List;

/** A directory file refused: nothing was changed. Answered as a 400 problem listing every {@link DirectoryProblem}. */
public class DirectoryRefusedException extends RuntimeException {

  private final List<DirectoryProblem> problems;

  public DirectoryRefusedException(List<DirectoryProblem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public DirectoryRefusedException(String message) {
    this(List.of(new DirectoryProblem(null, null, message)));
  }

  public List<DirectoryProblem> problems() {
    return problems;
  }

  private static String summary(List<DirectoryProblem> problems) {
    StringBuilder text = new StringBuilder("Danh bạ không được nhập (" + problems.size() + " lỗi), không có gì thay đổi:");
    for (DirectoryProblem problem : problems) {
      text.append("\n- ");
      if (problem.where() != null) {
        text.append(problem.where()).append(problem.code() == null ? "" : " (" + problem.code() + ")").append(": ");
      }
      text.append(problem.message());
    }
    return text.toString();
  }
}
