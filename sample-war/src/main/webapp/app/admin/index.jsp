<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><!DOCTYPE html>
<html lang="en">
<head><meta charset="UTF-8"><title>Administration</title>
<link rel="stylesheet" href="${pageContext.request.contextPath}/style.css"></head>
<body>
<main>
  <%-- Reached only through the container's <security-constraint> (role Admins): container security mode. --%>
  <h1 id="admin-title">Administration</h1>
  <p>The container let <strong id="admin-user"><c:out value="${pageContext.request.remoteUser}"/></strong> in as an administrator.</p>
  <ul>
    <li><a href="${pageContext.request.contextPath}/api/admin/report">A report (an EJB for administrators)</a></li>
    <li><a href="${pageContext.request.contextPath}/api/admin/notes">Team notes (a CDI bean for administrators)</a></li>
    <li><a href="${pageContext.request.contextPath}/whoami">Who the container thinks you are</a></li>
  </ul>
  <p><a href="${pageContext.request.contextPath}/app/">Back</a></p>
</main>
</body>
</html>
