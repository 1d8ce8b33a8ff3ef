<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><!DOCTYPE html>
<html lang="en">
<head><meta charset="UTF-8"><title>Answered asynchronously</title>
<link rel="stylesheet" href="${pageContext.request.contextPath}/style.css"></head>
<body>
<main>
  <h1>Answered asynchronously</h1>
  <%-- Reached by AsyncContext.dispatch from /app/async?dispatch: the filter, mapped for ASYNC, presents the user here. --%>
  <p>Signed in as <strong id="remote-user"><c:out value="${pageContext.request.remoteUser}"/></strong>,
     dispatched from <span id="dispatched-from"><c:out value="${requestScope.asyncThread}"/></span>
     (<span id="dispatcher-type"><c:out value="${pageContext.request.dispatcherType}"/></span>).</p>
  <p><a href="${pageContext.request.contextPath}/app/">Back to your account</a></p>
</main>
</body>
</html>
