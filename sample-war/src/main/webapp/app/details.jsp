<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><!DOCTYPE html>
<html lang="en">
<head><meta charset="UTF-8"><title>Details</title>
<link rel="stylesheet" href="${pageContext.request.contextPath}/style.css"></head>
<body>
<main>
  <h1 id="details-title">Details for <c:out value="${pageContext.request.userPrincipal.displayName}"/></h1>
  <p>Tab: <span id="tab"><c:out value="${param.tab}"/></span></p>
  <pre id="claims"><c:out value="${pageContext.request.userPrincipal.claimsJson}"/></pre>
  <p><a href="${pageContext.request.contextPath}/app/">Back</a></p>
</main>
</body>
</html>
